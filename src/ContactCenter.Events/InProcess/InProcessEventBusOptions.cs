namespace ContactCenter.Events.InProcess;

/// <summary>Bounds of the in-process bus. Memory is bounded by these numbers, whatever the load.</summary>
public sealed class InProcessEventBusOptions
{
    /// <summary>The largest value accepted for either capacity.</summary>
    public const int MaxCapacity = 1 << 24;

    /// <summary>
    /// How many of the newest events are kept for replay (resume from a seq). At ~300 bytes per event
    /// with its payload, the default holds about 20 MB and minutes of history on a busy site.
    /// </summary>
    public int HistoryCapacity { get; init; } = 65_536;

    /// <summary>
    /// How many events may wait for one live subscriber before it is told to re-sync. Sized for bursts:
    /// a consumer slower than that on average needs the snapshot anyway.
    /// </summary>
    public int SubscriberBufferCapacity { get; init; } = 4_096;

    /// <summary>The stream id; by default a new one per bus instance, so a restart is detectable.</summary>
    public string? StreamId { get; init; }

    /// <summary>How many retained events a catching-up subscriber copies per short hold of the publish lock.</summary>
    internal int ReplayBatchSize { get; init; } = 256;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryCapacity, 1, nameof(HistoryCapacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HistoryCapacity, MaxCapacity, nameof(HistoryCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriberBufferCapacity, 1, nameof(SubscriberBufferCapacity));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SubscriberBufferCapacity, MaxCapacity, nameof(SubscriberBufferCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReplayBatchSize, 1, nameof(ReplayBatchSize));
        if (StreamId is { Length: 0 })
            throw new ArgumentException("StreamId must be null (generate one) or non-empty.", nameof(StreamId));
    }
}
