using System.Runtime.InteropServices;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// A single-producer, single-consumer queue of RTP packets between the receive thread and the media clock, so neither
/// takes a lock. Payloads are copied into preallocated slots; nothing is allocated per packet.
/// </summary>
/// <remarks>
/// Each slot holds a packet's fields and payload side by side, and each side keeps its own copy of the other side's
/// counter, refreshed only when the queue looks full (producer) or empty (consumer). With hundreds of streams every
/// slot is out of the cache when it is next used, and every cache line the two threads share moves between cores:
/// one packet then costs its payload's lines and one counter, not a line per field and a counter line both threads
/// write. A struct, held in place by its <see cref="JitterBuffer"/> (a mutable field, never copied), so the media clock
/// reaches the counters without one more object to load.
/// </remarks>
internal struct PacketInbox
{
    private const int SsrcOffset = 0;
    private const int TimestampOffset = 4;
    private const int ArrivalOffset = 8;
    private const int SequenceOffset = 16;
    private const int LengthOffset = 20;
    private const int PayloadOffset = 24;

    private readonly int _mask;
    private readonly int _maxPayload;
    private readonly int _stride;
    private readonly byte[] _slots;
    private PacketInboxCounters _counters;

    public PacketInbox(int capacity, int maxPayload)
    {
        _mask = capacity - 1;
        _maxPayload = maxPayload;
        _stride = (PayloadOffset + maxPayload + 7) & ~7;
        _slots = new byte[capacity * _stride];
    }

    /// <summary>Producer side. False when full (the consumer has not read for a while).</summary>
    public bool TryEnqueue(uint ssrc, ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, long arrival)
    {
        long tail = _counters.Tail;
        if (tail - _counters.HeadSeenByProducer > _mask)
        {
            _counters.HeadSeenByProducer = Volatile.Read(ref _counters.Head);
            if (tail - _counters.HeadSeenByProducer > _mask)
            {
                return false;
            }
        }

        int length = Math.Min(payload.Length, _maxPayload);
        Span<byte> slot = _slots.AsSpan((int)(tail & _mask) * _stride, _stride);
        MemoryMarshal.Write(slot[SsrcOffset..], in ssrc);
        MemoryMarshal.Write(slot[TimestampOffset..], in timestamp);
        MemoryMarshal.Write(slot[ArrivalOffset..], in arrival);
        MemoryMarshal.Write(slot[SequenceOffset..], in sequence);
        MemoryMarshal.Write(slot[LengthOffset..], in length);
        payload[..length].CopyTo(slot[PayloadOffset..]);
        Volatile.Write(ref _counters.Tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side: the oldest packet's slot, or -1. The slot stays valid until <see cref="Release"/>.</summary>
    public int Peek()
    {
        long head = _counters.Head;
        if (head == _counters.TailSeenByConsumer)
        {
            _counters.TailSeenByConsumer = Volatile.Read(ref _counters.Tail);
            if (head == _counters.TailSeenByConsumer)
            {
                return -1;
            }
        }

        return (int)(head & _mask);
    }

    public uint Ssrc(int slot) => MemoryMarshal.Read<uint>(Slot(slot)[SsrcOffset..]);

    public ushort Sequence(int slot) => MemoryMarshal.Read<ushort>(Slot(slot)[SequenceOffset..]);

    public uint Timestamp(int slot) => MemoryMarshal.Read<uint>(Slot(slot)[TimestampOffset..]);

    public long Arrival(int slot) => MemoryMarshal.Read<long>(Slot(slot)[ArrivalOffset..]);

    public ReadOnlySpan<byte> Payload(int slot)
    {
        ReadOnlySpan<byte> bytes = Slot(slot);
        return bytes.Slice(PayloadOffset, MemoryMarshal.Read<int>(bytes[LengthOffset..]));
    }

    /// <summary>Consumer side: frees the slot returned by <see cref="Peek"/>.</summary>
    public void Release() => Volatile.Write(ref _counters.Head, _counters.Head + 1);

    private ReadOnlySpan<byte> Slot(int slot) => _slots.AsSpan(slot * _stride, _stride);
}
