namespace ContactCenter.Media.Timing;

/// <summary>Settings of a <see cref="MediaClock"/>.</summary>
public sealed record MediaClockOptions
{
    /// <summary>The tick period; every frame-based component assumes the default 20 ms.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A dispatch starting more than this after its deadline counts as late.</summary>
    public TimeSpan LateThreshold { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The name of the clock's thread, as seen in a debugger or <c>top -H</c>.</summary>
    public string ThreadName { get; init; } = "media-clock";

    internal void Validate()
    {
        if (TickInterval < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(TickInterval), TickInterval, "The tick interval must be at least 1 ms.");
        }

        if (LateThreshold < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(LateThreshold), LateThreshold, "The late threshold cannot be negative.");
        }
    }
}
