namespace ContactCenter.Acd.Routing;

/// <summary>Why an offer is taken back from an agent.</summary>
public enum WithdrawReason
{
    /// <summary>The agent did not accept in time (RONA).</summary>
    NoAnswer,

    /// <summary>The agent rejected it through the ACD (CTI).</summary>
    Rejected,

    /// <summary>The customer left while it was ringing.</summary>
    CustomerAbandoned,

    /// <summary>The service's preview expected time ran out before the agent acted: it goes to the next agent.</summary>
    PreviewTimeout,

    /// <summary>It was transferred elsewhere while it was being offered.</summary>
    Transferred,
}
