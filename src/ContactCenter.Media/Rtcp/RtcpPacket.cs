using System.Buffers.Binary;

namespace ContactCenter.Media.Rtcp;

/// <summary>
/// One RTCP packet inside a compound datagram (RFC 3550 §6.4): the common header already checked against the datagram
/// by <see cref="RtcpCompoundReader"/>. Type-specific readers (<see cref="RtcpSenderReport"/>,
/// <see cref="RtcpReceiverReport"/>, <see cref="RtcpSdesReader"/>, <see cref="RtcpGoodbye"/>) interpret the body.
/// </summary>
public readonly ref struct RtcpPacket
{
    /// <summary>Octets of the common header (V/P/count, type, length).</summary>
    public const int HeaderLength = 4;

    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _paddingLength;

    internal RtcpPacket(ReadOnlySpan<byte> packet, int paddingLength)
    {
        _packet = packet;
        _paddingLength = paddingLength;
    }

    /// <summary>The packet type octet; compare with <see cref="RtcpPacketType"/>. Unknown types are legal and skipped.</summary>
    public byte Type => _packet[1];

    /// <summary>The packet type as the enum (may be a value not named in <see cref="RtcpPacketType"/>).</summary>
    public RtcpPacketType PacketType => (RtcpPacketType)_packet[1];

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES) or sources (BYE).</summary>
    public int Count => _packet[0] & 0x1F;

    /// <summary>True when the P bit was set (only legal on the last packet of a compound).</summary>
    public bool HasPadding => (_packet[0] & 0x20) != 0;

    /// <summary>The whole packet as it appeared in the datagram, padding included.</summary>
    public ReadOnlySpan<byte> Raw => _packet;

    /// <summary>The octets after the common header, without padding.</summary>
    public ReadOnlySpan<byte> Body => _packet[HeaderLength..^_paddingLength];

    /// <summary>The first 32-bit word of the body (the sender's SSRC for SR/RR/APP), or 0 when the body is shorter.</summary>
    public uint FirstWord => Body.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(Body) : 0;
}
