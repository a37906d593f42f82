namespace ContactCenter.Acd.Interactions;

/// <summary>Where an interaction is in its life inside the ACD.</summary>
public enum InteractionState
{
    /// <summary>Waiting in a service's queue.</summary>
    Queued,

    /// <summary>Offered to one agent (ringing); not in any queue.</summary>
    Offered,

    /// <summary>Accepted: the agent and the customer are connected.</summary>
    Connected,

    /// <summary>Finished; the agent may still be classifying it.</summary>
    Ended,
}
