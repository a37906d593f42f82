using System.Numerics;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// Completes 20 ms frames whose samples come in more than one packet (10 ms packets, or the frame a 30 ms packet
/// leaves half done), in whatever order the parts arrive. Receive side only; fixed memory, nothing allocated per part.
/// </summary>
/// <remarks>
/// A few frames can be in progress at once, each in the slot <c>frame mod </c><see cref="Slots"/>, with a bitmap of the
/// RTP ticks it has: a duplicated part adds nothing, and the frame is complete when every tick is there, whichever
/// part came first. A part for a frame whose slot holds another frame takes the slot (the newest arrival wins: the
/// other frame is at least <see cref="Slots"/> frames away, so it is stale or the stream jumped) and the displaced
/// frame counts as dropped. Slots × 20 ms (160 ms) is more than a partial frame can wait for the rest of itself and
/// still be played on time by a jitter buffer of the default depths.
/// </remarks>
internal sealed class PartialFrameAssembler
{
    public const int Slots = 8;

    private const int BitsPerWord = 64;
    private const long Empty = long.MinValue;

    private readonly int _maxTicks;
    private readonly int _wordsPerSlot;
    private readonly long[] _frame = new long[Slots];
    private readonly int[] _filledTicks = new int[Slots];
    private readonly ulong[] _coverage;
    private readonly byte[] _payload;
    private int _inProgress; // slots holding part of a frame: none for a stream of whole frames

    /// <param name="maxTicksPerFrame">The most RTP ticks a frame of any codec this will see holds.</param>
    /// <param name="maxFrameBytes">The most payload bytes a frame of any codec this will see holds.</param>
    public PartialFrameAssembler(int maxTicksPerFrame, int maxFrameBytes)
    {
        _maxTicks = maxTicksPerFrame;
        _wordsPerSlot = (maxTicksPerFrame + BitsPerWord - 1) / BitsPerWord;
        MaxFrameBytes = maxFrameBytes;
        _coverage = new ulong[Slots * _wordsPerSlot];
        _payload = new byte[Slots * maxFrameBytes];
        Clear();
    }

    /// <summary>The largest frame this can assemble, in payload bytes.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>Frames given up because the rest of them did not come before their slot was needed.</summary>
    public long Dropped { get; private set; }

    /// <summary>Forgets every frame in progress without counting them (a new stream or codec).</summary>
    public void Clear()
    {
        _inProgress = 0;
        _frame.AsSpan().Fill(Empty);
        _filledTicks.AsSpan().Clear();
        _coverage.AsSpan().Clear();
    }

    /// <summary>A whole frame went straight to the buffer: a part of it still in progress would only duplicate it.</summary>
    public void Discard(long frame)
    {
        if (_inProgress == 0)
        {
            return; // the usual case, decided without touching the slots (this runs for every packet)
        }

        int slot = SlotOf(frame);
        if (_frame[slot] == frame)
        {
            Reset(slot);
        }
    }

    /// <summary>
    /// Adds <paramref name="part"/>, which holds ticks [<paramref name="tickOffset"/>, + <paramref name="ticks"/>) of
    /// <paramref name="frame"/>. Returns the whole frame's payload when this part completes it (valid until the next
    /// call), else an empty span.
    /// </summary>
    public ReadOnlySpan<byte> Add(long frame, int tickOffset, int ticks, int ticksPerFrame, int bytesPerTick, ReadOnlySpan<byte> part)
    {
        if ((uint)ticksPerFrame > (uint)_maxTicks || (uint)(ticksPerFrame * bytesPerTick) > (uint)MaxFrameBytes
            || tickOffset < 0 || ticks <= 0 || tickOffset + ticks > ticksPerFrame || part.Length != ticks * bytesPerTick)
        {
            return default;
        }

        int slot = SlotOf(frame);
        if (_frame[slot] != frame)
        {
            if (_frame[slot] != Empty)
            {
                Dropped++;
                Reset(slot);
            }

            _frame[slot] = frame;
            _inProgress++;
        }

        part.CopyTo(_payload.AsSpan((slot * MaxFrameBytes) + (tickOffset * bytesPerTick)));
        _filledTicks[slot] += Cover(_coverage.AsSpan(slot * _wordsPerSlot, _wordsPerSlot), tickOffset, ticks);
        if (_filledTicks[slot] < ticksPerFrame)
        {
            return default;
        }

        Reset(slot);
        return _payload.AsSpan(slot * MaxFrameBytes, ticksPerFrame * bytesPerTick);
    }

    private static int SlotOf(long frame) => (int)(frame & (Slots - 1));

    // Sets bits [start, start + count) and returns how many were not set before (a duplicate adds nothing).
    private static int Cover(Span<ulong> words, int start, int count)
    {
        int added = 0;
        int end = start + count;
        while (start < end)
        {
            int word = start / BitsPerWord;
            int bit = start % BitsPerWord;
            int take = Math.Min(BitsPerWord - bit, end - start);
            ulong mask = (take == BitsPerWord ? ulong.MaxValue : ((1UL << take) - 1)) << bit;
            added += BitOperations.PopCount(mask & ~words[word]);
            words[word] |= mask;
            start += take;
        }

        return added;
    }

    // Only for a slot in use.
    private void Reset(int slot)
    {
        _inProgress--;
        _frame[slot] = Empty;
        _filledTicks[slot] = 0;
        _coverage.AsSpan(slot * _wordsPerSlot, _wordsPerSlot).Clear();
    }
}
