using System.Runtime.InteropServices;

namespace ContactCenter.Media.Jitter;

/// <summary>
/// <see cref="JitterBuffer"/>'s receive-side counters, written by the receive thread only, on a cache line of their own:
/// beside the reading side's counters every packet would take that line from the media clock's core and back.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct JitterReceiveCounters
{
    [FieldOffset(64)] public long Received;
    [FieldOffset(72)] public long Invalid;
    [FieldOffset(80)] public long InboxOverflows;
}
