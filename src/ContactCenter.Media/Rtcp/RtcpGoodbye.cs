using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>A view of a BYE packet (RFC 3550 §6.6): the departing sources and an optional reason.</summary>
public readonly ref struct RtcpGoodbye
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpGoodbye(ReadOnlySpan<byte> body, int sourceCount, ReadOnlySpan<byte> reason)
    {
        _body = body;
        SourceCount = sourceCount;
        Reason = reason;
    }

    /// <summary>Number of SSRC/CSRC identifiers leaving.</summary>
    public int SourceCount { get; }

    /// <summary>The reason for leaving (UTF-8), empty when absent.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>Returns the identifier at <paramref name="index"/> (below <see cref="SourceCount"/>).</summary>
    public uint GetSource(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SourceCount);
        return BinaryPrimitives.ReadUInt32BigEndian(_body[(4 * index)..]);
    }

    /// <summary>Reads <paramref name="packet"/> as a BYE, checking the source list and reason length against the packet.</summary>
    public static RtcpParseStatus TryParse(in RtcpPacket packet, out RtcpGoodbye goodbye)
    {
        goodbye = default;
        if (packet.Type != (byte)RtcpPacketType.Goodbye)
        {
            return RtcpParseStatus.WrongType;
        }

        var body = packet.Body;
        var sourcesLength = 4 * packet.Count;
        if (sourcesLength > body.Length)
        {
            return RtcpParseStatus.BadGoodbye;
        }

        ReadOnlySpan<byte> reason = default;
        if (body.Length > sourcesLength)
        {
            int reasonLength = body[sourcesLength];
            if (sourcesLength + 1 + reasonLength > body.Length)
            {
                return RtcpParseStatus.BadGoodbye;
            }

            reason = body.Slice(sourcesLength + 1, reasonLength);
        }

        goodbye = new RtcpGoodbye(body, packet.Count, reason);
        return RtcpParseStatus.Ok;
    }
}
