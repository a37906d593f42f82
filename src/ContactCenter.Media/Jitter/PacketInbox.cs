namespace ContactCenter.Media.Jitter;

/// <summary>
/// A single-producer, single-consumer queue of RTP packets between the receive thread and the media clock, so neither
/// takes a lock. Payloads are copied into preallocated slots; nothing is allocated per packet.
/// </summary>
internal sealed class PacketInbox
{
    private readonly int _mask;
    private readonly int _maxPayload;
    private readonly uint[] _ssrc;
    private readonly ushort[] _sequence;
    private readonly uint[] _timestamp;
    private readonly long[] _arrival;
    private readonly int[] _length;
    private readonly byte[] _payload;
    private long _head;
    private long _tail;

    public PacketInbox(int capacity, int maxPayload)
    {
        _mask = capacity - 1;
        _maxPayload = maxPayload;
        _ssrc = new uint[capacity];
        _sequence = new ushort[capacity];
        _timestamp = new uint[capacity];
        _arrival = new long[capacity];
        _length = new int[capacity];
        _payload = new byte[capacity * maxPayload];
    }

    /// <summary>Producer side. False when full (the consumer has not read for a while).</summary>
    public bool TryEnqueue(uint ssrc, ushort sequence, uint timestamp, ReadOnlySpan<byte> payload, long arrival)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) > _mask)
        {
            return false;
        }

        int slot = (int)(tail & _mask);
        _ssrc[slot] = ssrc;
        _sequence[slot] = sequence;
        _timestamp[slot] = timestamp;
        _arrival[slot] = arrival;
        _length[slot] = payload.Length;
        payload.CopyTo(_payload.AsSpan(slot * _maxPayload, _maxPayload));
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side: the oldest packet's slot, or -1. The slot stays valid until <see cref="Release"/>.</summary>
    public int Peek()
    {
        long head = _head;
        return head == Volatile.Read(ref _tail) ? -1 : (int)(head & _mask);
    }

    public uint Ssrc(int slot) => _ssrc[slot];

    public ushort Sequence(int slot) => _sequence[slot];

    public uint Timestamp(int slot) => _timestamp[slot];

    public long Arrival(int slot) => _arrival[slot];

    public ReadOnlySpan<byte> Payload(int slot) => _payload.AsSpan(slot * _maxPayload, _length[slot]);

    /// <summary>Consumer side: frees the slot returned by <see cref="Peek"/>.</summary>
    public void Release() => Volatile.Write(ref _head, _head + 1);
}
