namespace ContactCenter.Media.Jitter;

/// <summary>Where a packet went once the reading side took it from the inbox.</summary>
internal enum JitterInsertResult
{
    Buffered,
    Late,
    Duplicate,
}
