namespace ContactCenter.Media.Rtp;

/// <summary>The per-packet fields of an RTP header that a sender chooses, used to build and to rewrite packets.</summary>
/// <param name="PayloadType">The payload type, 0..127.</param>
/// <param name="SequenceNumber">The 16-bit sequence number.</param>
/// <param name="Timestamp">The media timestamp in clock units.</param>
/// <param name="Ssrc">The synchronization source.</param>
/// <param name="Marker">The marker bit.</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false)
{
    /// <summary>Reads the header fields of a parsed packet.</summary>
    public static RtpHeader From(in RtpPacket packet) =>
        new(packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, packet.Marker);
}
