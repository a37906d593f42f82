using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// In-place edits of the fixed RTP header of a packet that is about to be forwarded. The caller has parsed the packet
/// (so it holds at least <see cref="RtpPacket.FixedHeaderLength"/> octets); nothing here allocates.
/// </summary>
public static class RtpHeaderFields
{
    /// <summary>Overwrites the sequence number.</summary>
    public static void SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);

    /// <summary>Overwrites the timestamp.</summary>
    public static void SetTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);

    /// <summary>Overwrites the SSRC.</summary>
    public static void SetSsrc(Span<byte> packet, uint ssrc) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);

    /// <summary>Sets or clears the marker bit.</summary>
    public static void SetMarker(Span<byte> packet, bool marker) =>
        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);

    /// <summary>Overwrites the payload type (the low 7 bits of the second octet).</summary>
    public static void SetPayloadType(Span<byte> packet, byte payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));

    /// <summary>Reads the timestamp.</summary>
    public static uint ReadTimestamp(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);

    /// <summary>Reads the SSRC.</summary>
    public static uint ReadSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
}
