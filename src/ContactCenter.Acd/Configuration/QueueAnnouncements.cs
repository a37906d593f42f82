namespace ContactCenter.Acd.Configuration;

/// <summary>What the waiting customer is told; the channel plays it, the ACD supplies position and expected wait.</summary>
public sealed record QueueAnnouncements(bool Position = false, bool ExpectedWait = false);
