namespace ContactCenter.Events;

/// <summary>Why a subscriber must re-sync from a snapshot.</summary>
public enum ResyncReason
{
    /// <summary>The subscriber's buffer filled because it read slower than events were published.</summary>
    SubscriberOverflow,

    /// <summary>The position to replay from is older than the bus still retains.</summary>
    HistoryExpired,

    /// <summary>
    /// The position to replay from lies beyond the newest event: it belongs to another stream, typically
    /// from before a restart.
    /// </summary>
    PositionAhead,
}
