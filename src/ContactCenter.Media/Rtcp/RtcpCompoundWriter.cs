using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Appends RTCP packets one after another into a caller-owned buffer to form a compound datagram (RFC 3550 §6.1): an SR
/// or RR first, then SDES (CNAME), then BYE when leaving. Each method returns false and writes nothing when the packet
/// does not fit or its arguments exceed the wire limits (31 report blocks, 255-octet items); nothing allocates.
/// </summary>
public ref struct RtcpCompoundWriter
{
    /// <summary>Most report blocks, chunks or sources the 5-bit count field can announce.</summary>
    public const int MaxCount = 31;

    private readonly Span<byte> _destination;
    private int _length;

    /// <summary>Starts an empty compound packet at the beginning of <paramref name="destination"/>.</summary>
    public RtcpCompoundWriter(Span<byte> destination)
    {
        _destination = destination;
        _length = 0;
    }

    /// <summary>Octets written so far.</summary>
    public readonly int Length => _length;

    /// <summary>The datagram written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _destination[.._length];

    /// <summary>Appends an SR with the sender's SSRC, its sender info and up to 31 report blocks.</summary>
    public bool TryWriteSenderReport(uint ssrc, in RtcpSenderInfo senderInfo, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        var size = RtcpPacket.HeaderLength + 4 + RtcpSenderInfo.Length + (reportBlocks.Length * RtcpReportBlock.Length);
        if (reportBlocks.Length > MaxCount || !TryReserve(size, out var packet))
        {
            return false;
        }

        WriteHeader(packet, reportBlocks.Length, RtcpPacketType.SenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(packet[8..], senderInfo.NtpTimestamp.Value);
        BinaryPrimitives.WriteUInt32BigEndian(packet[16..], senderInfo.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet[20..], senderInfo.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(packet[24..], senderInfo.OctetCount);
        WriteBlocks(packet[28..], reportBlocks);
        _length += size;
        return true;
    }

    /// <summary>Appends an RR with the reporter's SSRC and up to 31 report blocks (none is legal).</summary>
    public bool TryWriteReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        var size = RtcpPacket.HeaderLength + 4 + (reportBlocks.Length * RtcpReportBlock.Length);
        if (reportBlocks.Length > MaxCount || !TryReserve(size, out var packet))
        {
            return false;
        }

        WriteHeader(packet, reportBlocks.Length, RtcpPacketType.ReceiverReport);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        WriteBlocks(packet[8..], reportBlocks);
        _length += size;
        return true;
    }

    /// <summary>Appends an SDES packet with one chunk holding the CNAME item (1..255 octets) for <paramref name="ssrc"/>.</summary>
    public bool TryWriteSourceDescription(uint ssrc, scoped ReadOnlySpan<byte> canonicalName)
    {
        // SSRC, item type, item length, value, then at least one null octet padded to a 32-bit boundary.
        var chunkLength = (4 + 2 + canonicalName.Length + 4) & ~3;
        var size = RtcpPacket.HeaderLength + chunkLength;
        if (canonicalName.Length is 0 or > 255 || !TryReserve(size, out var packet))
        {
            return false;
        }

        packet.Clear();
        WriteHeader(packet, 1, RtcpPacketType.SourceDescription);
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], ssrc);
        packet[8] = (byte)RtcpSdesItemType.CanonicalName;
        packet[9] = (byte)canonicalName.Length;
        canonicalName.CopyTo(packet[10..]);
        _length += size;
        return true;
    }

    /// <summary>Appends a BYE for up to 31 sources with an optional reason (at most 255 octets).</summary>
    public bool TryWriteGoodbye(scoped ReadOnlySpan<uint> sources, scoped ReadOnlySpan<byte> reason)
    {
        var reasonLength = reason.IsEmpty ? 0 : (1 + reason.Length + 3) & ~3;
        var size = RtcpPacket.HeaderLength + (4 * sources.Length) + reasonLength;
        if (sources.Length > MaxCount || reason.Length > 255 || !TryReserve(size, out var packet))
        {
            return false;
        }

        packet.Clear();
        WriteHeader(packet, sources.Length, RtcpPacketType.Goodbye);
        for (var i = 0; i < sources.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(packet[(4 + (4 * i))..], sources[i]);
        }

        if (!reason.IsEmpty)
        {
            var reasonOffset = 4 + (4 * sources.Length);
            packet[reasonOffset] = (byte)reason.Length;
            reason.CopyTo(packet[(reasonOffset + 1)..]);
        }

        _length += size;
        return true;
    }

    private readonly bool TryReserve(int size, out Span<byte> packet)
    {
        if (_destination.Length - _length < size)
        {
            packet = default;
            return false;
        }

        packet = _destination.Slice(_length, size);
        return true;
    }

    private static void WriteHeader(Span<byte> packet, int count, RtcpPacketType type)
    {
        packet[0] = (byte)((2 << 6) | count);
        packet[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], (ushort)((packet.Length / 4) - 1));
    }

    private static void WriteBlocks(Span<byte> destination, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        for (var i = 0; i < reportBlocks.Length; i++)
        {
            reportBlocks[i].Write(destination[(i * RtcpReportBlock.Length)..]);
        }
    }
}
