namespace ContactCenter.Media.Jitter;

/// <summary>What <see cref="JitterBuffer.Push"/> did with a packet. Ordering, loss and duplicates are sorted out at the next read.</summary>
public enum JitterPushResult
{
    /// <summary>Queued for the next read.</summary>
    Queued,

    /// <summary>The payload is not one 20 ms frame of the buffer's codec; counted in <see cref="JitterBufferStatistics.Invalid"/>.</summary>
    InvalidPayload,

    /// <summary>More packets than the inbox holds arrived between two reads; counted in <see cref="JitterBufferStatistics.InboxOverflows"/>.</summary>
    InboxFull,
}
