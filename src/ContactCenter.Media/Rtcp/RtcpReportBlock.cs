using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>One reception report block of an SR or RR (RFC 3550 §6.4.1), 24 octets on the wire.</summary>
/// <param name="Ssrc">The source this block reports on.</param>
/// <param name="FractionLost">Packets lost since the previous report, as a fixed-point fraction of 256.</param>
/// <param name="CumulativeLost">Packets lost since reception began; a signed 24-bit value (negative with duplicates).</param>
/// <param name="ExtendedHighestSequence">Highest sequence number received, with the wrap count in the high 16 bits.</param>
/// <param name="Jitter">Interarrival jitter in RTP clock units.</param>
/// <param name="LastSenderReport">LSR: middle 32 bits of the NTP timestamp of the last SR received from the source, or 0.</param>
/// <param name="DelaySinceLastSenderReport">DLSR: delay since that SR was received, in units of 1/65536 s, or 0.</param>
public readonly record struct RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint ExtendedHighestSequence,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport)
{
    /// <summary>Octets of one block on the wire.</summary>
    public const int Length = 24;

    /// <summary>Largest cumulative loss the signed 24-bit field can carry.</summary>
    public const int MaxCumulativeLost = 0x7FFFFF;

    /// <summary>Smallest (most negative) cumulative loss the field can carry.</summary>
    public const int MinCumulativeLost = -0x800000;

    /// <summary>The fraction lost as a number between 0 and 1.</summary>
    public double FractionLostRatio => FractionLost / 256.0;

    /// <summary>Clamps a loss count to the 24-bit field as RFC 3550 A.3 prescribes.</summary>
    public static int ClampCumulativeLost(long lost) => (int)Math.Clamp(lost, MinCumulativeLost, MaxCumulativeLost);

    /// <summary>Reads a block from the first 24 octets of <paramref name="source"/> (which the caller has bounds-checked).</summary>
    public static RtcpReportBlock Read(ReadOnlySpan<byte> source)
    {
        // Sign-extend the 24-bit cumulative loss through the top of a 32-bit word.
        var lost = (int)(BinaryPrimitives.ReadUInt32BigEndian(source[4..]) << 8) >> 8;
        return new RtcpReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            source[4],
            lost,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }

    /// <summary>Writes the block into the first 24 octets of <paramref name="destination"/>, clamping the loss to 24 bits.</summary>
    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        var lost = (uint)ClampCumulativeLost(CumulativeLost) & 0xFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | lost);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
