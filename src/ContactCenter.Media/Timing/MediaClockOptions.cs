namespace ContactCenter.Media.Timing;

/// <summary>Settings of a <see cref="MediaClock"/>.</summary>
public sealed record MediaClockOptions
{
    /// <summary>The tick period; every frame-based component assumes the default 20 ms.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>A dispatch starting more than this after its deadline counts as late.</summary>
    public TimeSpan LateThreshold { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// How many missed deadlines a late wake-up still dispatches, in order and at once, before the due one; older ones
    /// are skipped and counted. Every frame-based consumer (jitter buffers, recordings, senders) assumes one tick is
    /// 20 ms of media: a skipped tick shortens every recording by a frame and leaves a frame unread in every jitter
    /// buffer, which the buffer later trims, cutting the audio. The default (10 ticks, 200 ms, the jitter buffer's
    /// maximum depth) absorbs a descheduled clock thread on a busy box; 0 skips every missed tick.
    /// </summary>
    public int MaxCatchUpTicks { get; init; } = 10;

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

        if (MaxCatchUpTicks is < 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCatchUpTicks), MaxCatchUpTicks, "The catch-up must be 0 to 1000 ticks.");
        }
    }
}
