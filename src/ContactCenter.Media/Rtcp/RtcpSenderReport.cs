using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>A view of an SR packet (RFC 3550 §6.4.1): the sender's SSRC, its sender info and its report blocks.</summary>
public readonly ref struct RtcpSenderReport
{
    private const int FixedBodyLength = 4 + RtcpSenderInfo.Length;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpSenderReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>The SSRC of the sender of this report.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>The sender information section.</summary>
    public RtcpSenderInfo SenderInfo => new(
        new NtpTimestamp(BinaryPrimitives.ReadUInt64BigEndian(_body[4..])),
        BinaryPrimitives.ReadUInt32BigEndian(_body[12..]),
        BinaryPrimitives.ReadUInt32BigEndian(_body[16..]),
        BinaryPrimitives.ReadUInt32BigEndian(_body[20..]));

    /// <summary>Number of report blocks (0..31).</summary>
    public int ReportCount { get; }

    /// <summary>Returns report block <paramref name="index"/> (below <see cref="ReportCount"/>).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportCount);
        return RtcpReportBlock.Read(_body[(FixedBodyLength + (index * RtcpReportBlock.Length))..]);
    }

    /// <summary>Reads <paramref name="packet"/> as an SR, checking that the announced report blocks fit.</summary>
    public static RtcpParseStatus TryParse(in RtcpPacket packet, out RtcpSenderReport report)
    {
        report = default;
        if (packet.Type != (byte)RtcpPacketType.SenderReport)
        {
            return RtcpParseStatus.WrongType;
        }

        var body = packet.Body;
        if (body.Length < FixedBodyLength)
        {
            return RtcpParseStatus.TooShort;
        }

        if (body.Length < FixedBodyLength + (packet.Count * RtcpReportBlock.Length))
        {
            return RtcpParseStatus.ReportBlocksOverrun;
        }

        report = new RtcpSenderReport(body, packet.Count);
        return RtcpParseStatus.Ok;
    }
}
