namespace ContactCenter.Events.Contracts;

/// <summary>Where a call is in its life; the same members, in the same order, as the call engine's CallState.</summary>
public enum CallProgress
{
    /// <summary>INVITE received; the callee is being looked up or invited.</summary>
    Routing,

    /// <summary>The callee rings.</summary>
    Ringing,

    /// <summary>The callee answered; the caller's ACK is awaited.</summary>
    Answered,

    /// <summary>Both legs confirmed, media bridged.</summary>
    Talking,

    /// <summary>Ended; the CDR is written.</summary>
    Ended,
}
