namespace ContactCenter.Media.Jitter;

/// <summary>Settings of a <see cref="JitterBuffer"/>. Depths are whole 20 ms frames (rounded up).</summary>
public sealed record JitterBufferOptions
{
    /// <summary>The smallest target depth: the delay a perfectly regular stream gets.</summary>
    public TimeSpan MinDepth { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The largest target depth, however bad the jitter.</summary>
    public TimeSpan MaxDepth { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long the observed jitter must stay below the target before it shrinks by one frame.</summary>
    public TimeSpan ShrinkInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After this long without any packet to play, the buffer stops and prebuffers again (a sender in silence
    /// suppression, a held call). Shorter gaps keep the position so a late packet is still played.
    /// </summary>
    public TimeSpan StallReset { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A timestamp further than this from the one its sequence number predicts is a jump (a re-bridged source
    /// without continuity, a sender restart): the jitter estimate is rebased rather than reading it as huge delay.
    /// </summary>
    public TimeSpan MaxTimestampJump { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Slots of the ring (a power of two, at least twice <see cref="MaxDepth"/> in frames). Memory is slots × payload size.</summary>
    public int SlotCount { get; init; } = 32;

    /// <summary>Packets the receive thread can queue between two ticks (a power of two).</summary>
    public int InboxCapacity { get; init; } = 32;

    internal int MinFrames => Frames(MinDepth);

    internal int MaxFrames => Frames(MaxDepth);

    internal void Validate()
    {
        if (MinDepth < TimeSpan.FromMilliseconds(20) || MaxDepth < MinDepth)
        {
            throw new ArgumentOutOfRangeException(nameof(MinDepth), "Depths need 20 ms <= MinDepth <= MaxDepth.");
        }

        if (!IsPowerOfTwo(SlotCount) || SlotCount < 2 * MaxFrames || SlotCount > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(SlotCount), SlotCount, "SlotCount must be a power of two, at least twice MaxDepth in frames, at most 4096.");
        }

        if (!IsPowerOfTwo(InboxCapacity) || InboxCapacity > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(InboxCapacity), InboxCapacity, "InboxCapacity must be a power of two up to 4096.");
        }

        if (ShrinkInterval <= TimeSpan.Zero || StallReset <= TimeSpan.Zero || MaxTimestampJump <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ShrinkInterval), "ShrinkInterval, StallReset and MaxTimestampJump must be positive.");
        }
    }

    internal static int Frames(TimeSpan duration) => (int)Math.Ceiling(duration.TotalMilliseconds / 20);

    private static bool IsPowerOfTwo(int value) => value > 0 && (value & (value - 1)) == 0;
}
