using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>A view of an RR packet (RFC 3550 §6.4.2): the reporter's SSRC and its report blocks.</summary>
public readonly ref struct RtcpReceiverReport
{
    private const int FixedBodyLength = 4;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpReceiverReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>The SSRC of the reporter.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Number of report blocks (0..31).</summary>
    public int ReportCount { get; }

    /// <summary>Returns report block <paramref name="index"/> (below <see cref="ReportCount"/>).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ReportCount);
        return RtcpReportBlock.Read(_body[(FixedBodyLength + (index * RtcpReportBlock.Length))..]);
    }

    /// <summary>Reads <paramref name="packet"/> as an RR, checking that the announced report blocks fit.</summary>
    public static RtcpParseStatus TryParse(in RtcpPacket packet, out RtcpReceiverReport report)
    {
        report = default;
        if (packet.Type != (byte)RtcpPacketType.ReceiverReport)
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

        report = new RtcpReceiverReport(body, packet.Count);
        return RtcpParseStatus.Ok;
    }
}
