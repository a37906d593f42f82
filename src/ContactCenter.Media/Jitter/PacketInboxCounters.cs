using System.Runtime.InteropServices;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// <see cref="PacketInbox"/>'s counters: the producer's fields and the consumer's fields on different cache lines (64
/// bytes apart, and apart from the fields around the struct), so a write by one side does not take the line from the other.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 192)]
internal struct PacketInboxCounters
{
    /// <summary>Producer: packets enqueued.</summary>
    [FieldOffset(64)] public long Tail;

    /// <summary>Producer: the consumer's <see cref="Head"/> when last read (refreshed when the queue looks full).</summary>
    [FieldOffset(72)] public long HeadSeenByProducer;

    /// <summary>Consumer: packets released.</summary>
    [FieldOffset(128)] public long Head;

    /// <summary>Consumer: the producer's <see cref="Tail"/> when last read (refreshed when the queue looks empty).</summary>
    [FieldOffset(136)] public long TailSeenByConsumer;
}
