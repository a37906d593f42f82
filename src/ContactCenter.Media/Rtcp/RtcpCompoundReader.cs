using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Walks the packets of a compound RTCP datagram after validating the whole datagram as RFC 3550 A.2 describes: every
/// packet is version 2, the first is an SR or RR, only the last may be padded, and the length fields add up exactly to
/// the datagram. Never throws and never allocates.
/// </summary>
public ref struct RtcpCompoundReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    private RtcpCompoundReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
    }

    /// <summary>Validates <paramref name="datagram"/> and, when it is well formed, returns a reader positioned on its first packet.</summary>
    public static RtcpParseStatus TryCreate(ReadOnlySpan<byte> datagram, out RtcpCompoundReader reader)
    {
        var status = Validate(datagram);
        reader = status == RtcpParseStatus.Ok ? new RtcpCompoundReader(datagram) : default;
        return status;
    }

    /// <summary>Checks the compound structure of <paramref name="datagram"/> (RFC 3550 A.2) without reading packet bodies.</summary>
    public static RtcpParseStatus Validate(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < RtcpPacket.HeaderLength)
        {
            return RtcpParseStatus.TooShort;
        }

        var type = datagram[1];
        if (type != (byte)RtcpPacketType.SenderReport && type != (byte)RtcpPacketType.ReceiverReport)
        {
            return datagram[0] >> 6 != 2 ? RtcpParseStatus.BadVersion : RtcpParseStatus.FirstPacketNotReport;
        }

        var offset = 0;
        while (offset < datagram.Length)
        {
            var status = MeasurePacket(datagram, offset, out var length, out _);
            if (status != RtcpParseStatus.Ok)
            {
                return status;
            }

            offset += length;
        }

        return RtcpParseStatus.Ok;
    }

    /// <summary>Moves to the next packet; false at the end of the datagram.</summary>
    public bool TryReadNext(out RtcpPacket packet)
    {
        if (_offset >= _datagram.Length || MeasurePacket(_datagram, _offset, out var length, out var padding) != RtcpParseStatus.Ok)
        {
            packet = default;
            return false;
        }

        packet = new RtcpPacket(_datagram.Slice(_offset, length), padding);
        _offset += length;
        return true;
    }

    private static RtcpParseStatus MeasurePacket(ReadOnlySpan<byte> datagram, int offset, out int length, out int padding)
    {
        length = 0;
        padding = 0;
        var remaining = datagram.Length - offset;
        if (remaining < RtcpPacket.HeaderLength)
        {
            return RtcpParseStatus.TooShort;
        }

        var first = datagram[offset];
        if (first >> 6 != 2)
        {
            return RtcpParseStatus.BadVersion;
        }

        length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) + 1);
        if (length > remaining)
        {
            return RtcpParseStatus.LengthOverrun;
        }

        if ((first & 0x20) != 0)
        {
            if (length != remaining)
            {
                return RtcpParseStatus.PaddingNotLast;
            }

            padding = datagram[offset + length - 1];
            if (padding == 0 || padding > length - RtcpPacket.HeaderLength)
            {
                return RtcpParseStatus.BadPadding;
            }
        }

        return RtcpParseStatus.Ok;
    }
}
