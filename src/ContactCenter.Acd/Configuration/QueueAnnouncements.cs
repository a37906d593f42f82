namespace ContactCenter.Acd.Configuration;

/// <summary>
/// What the waiting customer is told, every <paramref name="IntervalSeconds"/> while it waits (the first time one interval
/// after it joined the queue): its position in line and/or the expected wait. The ACD computes both and hands them to the
/// channel (<c>IInteractionDelivery.Announce</c>), which plays them (voice: spoken prompts between the music).
/// </summary>
public sealed record QueueAnnouncements(bool Position = false, bool ExpectedWait = false, int IntervalSeconds = QueueAnnouncements.DefaultIntervalSeconds)
{
    public const int DefaultIntervalSeconds = 30;
    public const int MinIntervalSeconds = 5;
    public const int MaxIntervalSeconds = 3600;

    /// <summary>Whether anything is announced at all.</summary>
    public bool Any => Position || ExpectedWait;
}
