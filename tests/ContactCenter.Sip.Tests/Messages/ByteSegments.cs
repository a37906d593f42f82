using System.Buffers;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s, as a socket's reads would leave them in a pipe.</summary>
internal static class ByteSegments
{
    /// <summary>One segment per chunk of <paramref name="chunkSize"/> bytes (1: a segment per byte).</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlyMemory<byte> data, int chunkSize)
    {
        if (data.IsEmpty) return ReadOnlySequence<byte>.Empty;
        var first = new Segment(data[..Math.Min(chunkSize, data.Length)], 0);
        var last = first;
        for (int i = chunkSize; i < data.Length; i += chunkSize)
            last = last.Append(data[i..Math.Min(i + chunkSize, data.Length)]);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
