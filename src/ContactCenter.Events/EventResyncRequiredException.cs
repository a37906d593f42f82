namespace ContactCenter.Events;

/// <summary>
/// The terminal notice of a subscription that can no longer be given a complete stream. Nothing was
/// lost silently: every event the filter accepts with a seq at or below <see cref="LastSeq"/> was
/// delivered, and nothing after it will be. Recover by loading a snapshot of current state and
/// subscribing again, or, when the bus still retains it, by subscribing from <see cref="ResumeFromSeq"/>.
/// </summary>
public sealed class EventResyncRequiredException : Exception
{
    /// <summary>Creates the notice.</summary>
    public EventResyncRequiredException(ResyncReason reason, long lastSeq)
        : base(Describe(reason, lastSeq))
    {
        Reason = reason;
        LastSeq = lastSeq;
    }

    /// <summary>Why the subscriber must re-sync.</summary>
    public ResyncReason Reason { get; }

    /// <summary>The subscriber has everything it wanted up to and including this seq.</summary>
    public long LastSeq { get; }

    /// <summary>The first seq the subscriber has not seen: <see cref="LastSeq"/> + 1.</summary>
    public long ResumeFromSeq => LastSeq + 1;

    private static string Describe(ResyncReason reason, long lastSeq) => reason switch
    {
        ResyncReason.SubscriberOverflow =>
            $"The subscriber fell behind and its buffer overflowed; events through seq {lastSeq} were delivered. Re-sync from a snapshot.",
        ResyncReason.HistoryExpired =>
            $"Events after seq {lastSeq} are no longer retained for replay. Re-sync from a snapshot.",
        ResyncReason.PositionAhead =>
            $"Seq {lastSeq + 1} lies beyond the newest event: the position is from another stream (a restart?). Re-sync from a snapshot.",
        _ => $"Re-sync from a snapshot after seq {lastSeq}.",
    };
}
