namespace ContactCenter.Events;

/// <summary>The life of a subscription.</summary>
public enum EventSubscriptionState
{
    /// <summary>Replaying retained events from the requested seq; switches to <see cref="Live"/> when caught up.</summary>
    CatchingUp,

    /// <summary>Receiving events as they are published.</summary>
    Live,

    /// <summary>
    /// The subscriber cannot be given a complete stream any more; reading delivers what it already has,
    /// then throws <see cref="EventResyncRequiredException"/>. Terminal.
    /// </summary>
    ResyncRequired,

    /// <summary>Disposed by its owner; nothing more is delivered. Terminal.</summary>
    Disposed,
}
