using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Recording;

/// <summary>
/// A two-party G.711 recording filled as packets arrive: each party's receive loop copies a packet's payload into that
/// party's frame of the tick its timestamp maps to (<see cref="ArrivalFeed"/>), and the writer thread takes the ticks
/// the clock has passed, interleaves both parties' frames and writes them. The media clock does nothing for such a
/// recording: with hundreds of calls recorded, reading every leg's jitter buffer on the clock and copying frames through
/// it cost more than everything else recording does (perf: the clock thread's samples 2.6× those of an unrecorded run).
/// </summary>
/// <remarks>
/// <para>
/// Frames are indexed by engine tick in a ring of <see cref="Capacity"/> ticks per party, each with a tag saying which
/// tick it holds; a frame whose tag is not the tick being written is silence, so missing, late and stale frames never
/// reach the file as anything else. The writer publishes how far it has taken (<see cref="Claimed"/>) before reading,
/// and a feed stores nothing at or behind it; it publishes how far it has read after reading, and a feed stores nothing
/// a ring or more ahead of that (counted in <see cref="OverflowFrames"/>, reported with the recording's metadata), so a
/// slot is never refilled while the writer may still read it. A packet stored at the very moment the writer takes its
/// tick can leave that one frame partly silent, never audio of another tick.
/// </para>
/// <para>
/// The recording leaves this mode for the clock's (jitter buffer) path, for good, when anything else must go into the
/// file — a pause, a change of party, a conference, a player writing a channel, a codec other than the file's law —
/// at a tick boundary under the engine's tick lock (<see cref="End"/>): the writer writes this mode's ticks through
/// that boundary, then the clock's.
/// </para>
/// </remarks>
internal sealed class ArrivalFrames
{
    /// <summary>The fewest ticks kept per party (1.28 s).</summary>
    public const int MinimumCapacity = 64;

    /// <summary>One 20 ms G.711 frame.</summary>
    public const int FrameBytes = 160;

    /// <summary>
    /// A stream's first packet is filed this many ticks after the tick it arrived in, and the writer takes a tick one tick
    /// after the clock passes it: packets up to 60–80 ms late still make their frame.
    /// </summary>
    public const int PlayoutTicks = 3;

    /// <summary>The writer takes ticks this far behind the clock.</summary>
    public const int SettleTicks = 1;

    private const long Writing = long.MinValue; // the tag of a frame a feed is writing now
    private const long Unfilled = -1;

    private readonly TickSequence _ticks;
    private readonly int _mask;
    private readonly byte[] _frames;
    private readonly long[] _tags;
    private readonly byte[] _silentFrame = new byte[FrameBytes];
    private readonly ArrivalFeed[] _feeds;
    private readonly long _start;
    private long _claimed;
    private long _readThrough;
    private long _through = long.MaxValue;
    private int _leaveRequested;
    private Action? _onLeaveRequested;
    private readonly Action _wakeWriter;
    private long _lateFrames;
    private long _overflowFrames;

    /// <param name="ticks">The engine's published tick.</param>
    /// <param name="law">The file's law; a party's packets in anything else ask to leave this mode.</param>
    /// <param name="silence">The law's silent byte.</param>
    /// <param name="startAfter">The tick before the file's first (read under the engine's tick lock).</param>
    /// <param name="wakeWriter">Wakes the writer at once: frames are filed more than half the ring ahead of it.</param>
    /// <param name="capacity">Ticks kept per party: the slack between the receive loops and the disk (a power of two, at least <see cref="MinimumCapacity"/>).</param>
    public ArrivalFrames(TickSequence ticks, G711Codec law, byte silence, long startAfter, Action wakeWriter, int capacity = MinimumCapacity)
    {
        if (capacity < MinimumCapacity || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"A power of two, at least {MinimumCapacity}.");
        }

        Capacity = capacity;
        _mask = capacity - 1;
        _frames = new byte[2 * capacity * FrameBytes];
        _tags = new long[2 * capacity];
        _ticks = ticks;
        _wakeWriter = wakeWriter;
        _start = startAfter;
        _claimed = startAfter;
        _readThrough = startAfter;
        Array.Fill(_tags, Unfilled);
        _silentFrame.AsSpan().Fill(silence);
        _feeds = [new ArrivalFeed(this, 0, law, ticks), new ArrivalFeed(this, 1, law, ticks)];
    }

    /// <summary>Ticks kept per party.</summary>
    public int Capacity { get; }

    /// <summary>The tick before the file's first.</summary>
    public long Start => _start;

    /// <summary>The tick holding sample <paramref name="position"/> of the tick timeline (tick × 160 + offset), rounding down.</summary>
    public static long TickOf(long position) => Math.DivRem(position, FrameBytes, out var offset) - (offset < 0 ? 1 : 0);

    /// <summary>The feed of party 0 (left) or 1 (right).</summary>
    public ArrivalFeed Feed(int party) => _feeds[party];

    /// <summary>The last tick the writer has taken (nothing at or behind it is stored any more).</summary>
    public long Claimed => Volatile.Read(ref _claimed);

    /// <summary>Ticks this mode has put in the file's timeline so far (taken by the writer, or up to the end once ended).</summary>
    public long FramesAccepted => (Ended ? Volatile.Read(ref _through) : Volatile.Read(ref _claimed)) - _start;

    /// <summary>True once <see cref="End"/> was called.</summary>
    public bool Ended => Volatile.Read(ref _through) != long.MaxValue;

    /// <summary>Ended, and every tick through the end written.</summary>
    public bool Finished => Ended && Volatile.Read(ref _claimed) >= Volatile.Read(ref _through);

    /// <summary>Frame parts that came after the writer took their tick (dropped).</summary>
    public long LateFrames => Volatile.Read(ref _lateFrames);

    /// <summary>
    /// Frame parts (per party) a ring or more ahead of what the writer has read (a writer stalled for over a second):
    /// their ticks are silence in the file; reported in <see cref="RecordingMetadata.LostArrivalFrames"/>.
    /// </summary>
    public long OverflowFrames => Volatile.Read(ref _overflowFrames);

    /// <summary>True once a feed or the session asked to leave this mode.</summary>
    public bool LeaveRequested => Volatile.Read(ref _leaveRequested) != 0;

    /// <summary>Who switches the recording to the clock's path when asked (once).</summary>
    public void OnLeaveRequested(Action callback) => _onLeaveRequested = callback;

    /// <summary>Asks (once) for the recording to leave this mode at the next tick boundary.</summary>
    public void RequestLeave()
    {
        if (Interlocked.Exchange(ref _leaveRequested, 1) == 0)
        {
            _onLeaveRequested?.Invoke();
        }
    }

    /// <summary>
    /// Ends this mode after tick <paramref name="through"/> (at least the ticks already taken); under the engine's tick
    /// lock, before the clock's path writes anything of later ticks. Returns the end.
    /// </summary>
    public long End(long through)
    {
        var end = Math.Max(through, Volatile.Read(ref _claimed));
        Interlocked.CompareExchange(ref _through, end, long.MaxValue);
        return Volatile.Read(ref _through);
    }

    /// <summary>Writer: true when at least <paramref name="batch"/> ticks are ready, or the end is.</summary>
    public bool Due(int batch) => !Finished && (Ended || _ticks.Current - SettleTicks - Volatile.Read(ref _claimed) >= batch);

    /// <summary>
    /// Writer: takes the ticks ready now (through the end when ended, else through the clock's tick less
    /// <see cref="SettleTicks"/>), publishing the claim before any frame is read. False when none is ready.
    /// </summary>
    public bool TryClaim(out long from, out long through)
    {
        // The clock's tick before the end: an end set at a tick boundary is seen by whoever sees a later tick.
        var current = _ticks.Current;
        var end = Volatile.Read(ref _through);
        from = _claimed + 1;
        through = end != long.MaxValue ? end : current - SettleTicks;
        if (through < from)
        {
            return false;
        }

        Volatile.Write(ref _claimed, through); // feeds store nothing at or behind it from now on
        return true;
    }

    /// <summary>Writer: every tick through <paramref name="tick"/> is read; their slots may be filled again.</summary>
    public void ReadThrough(long tick) => Volatile.Write(ref _readThrough, tick);

    /// <summary>Writer: tick <paramref name="tick"/> (claimed) as one stereo frame, party 0 left; missing frames silent.</summary>
    public void ReadStereo(long tick, Span<byte> destination)
    {
        var slot = (int)(tick & _mask);
        RecordingSession.Interleave(Frame(0, slot, tick), Frame(1, slot, tick), destination);
    }

    private ReadOnlySpan<byte> Frame(int party, int slot, long tick) =>
        Volatile.Read(ref _tags[(party * Capacity) + slot]) == tick
            ? _frames.AsSpan(((party * Capacity) + slot) * FrameBytes, FrameBytes)
            : _silentFrame;

    /// <summary>
    /// A feed's receive loop, when its stream is anchored again earlier than where it had filed frames: the frames it filed
    /// from <paramref name="fromTick"/> through <paramref name="throughTick"/> are of the old timeline and become silence,
    /// not audio a part of a new frame would leave showing.
    /// </summary>
    internal void Forget(int party, long fromTick, long throughTick)
    {
        fromTick = Math.Max(fromTick, Volatile.Read(ref _claimed) + 1);
        throughTick = Math.Min(throughTick, fromTick + Capacity - 1);
        for (var tick = fromTick; tick <= throughTick; tick++)
        {
            Interlocked.CompareExchange(ref _tags[(party * Capacity) + (int)(tick & _mask)], Unfilled, tick);
        }
    }

    /// <summary>
    /// A feed's receive loop: <paramref name="payload"/> starts at sample <paramref name="position"/> of the tick timeline
    /// (tick × 160 + offset); each part goes into its tick's frame, a frame's first part filling the rest with silence.
    /// </summary>
    internal void Store(int party, long position, ReadOnlySpan<byte> payload)
    {
        if (Volatile.Read(ref _through) != long.MaxValue)
        {
            // Ended (a pause, a stop, a move to the clock's path): what arrives now is after that moment.
            return;
        }

        var claimed = Volatile.Read(ref _claimed);
        var readThrough = Volatile.Read(ref _readThrough);
        if (position >= (readThrough + (Capacity / 2)) * FrameBytes)
        {
            // The writer polls every 100 ms, five ticks; this far behind it is late (a slow disk, a clock run faster
            // than real time in a test): it is woken before the ring fills.
            _wakeWriter();
        }

        while (!payload.IsEmpty)
        {
            var tick = TickOf(position);
            var offset = (int)(position - (tick * FrameBytes));
            var count = Math.Min(payload.Length, FrameBytes - offset);
            if (tick <= claimed)
            {
                Interlocked.Increment(ref _lateFrames);
            }
            else if (tick > readThrough + Capacity)
            {
                // Its slot holds a tick the writer has not read yet.
                Interlocked.Increment(ref _overflowFrames);
            }
            else
            {
                var index = (party * Capacity) + (int)(tick & _mask);
                var frame = _frames.AsSpan(index * FrameBytes, FrameBytes);
                ref var tag = ref _tags[index];

                // The tag says "being written" first (a full fence): a writer reading now takes silence, not a torn frame's tag.
                if (Interlocked.Exchange(ref tag, Writing) != tick)
                {
                    _silentFrame.CopyTo(frame);
                }

                payload[..count].CopyTo(frame[offset..]);
                Volatile.Write(ref tag, tick);
            }

            payload = payload[count..];
            position += count;
        }
    }
}
