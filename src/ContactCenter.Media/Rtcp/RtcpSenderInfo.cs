namespace ContactCenter.Media.Rtcp;

/// <summary>The sender information section of an SR (RFC 3550 §6.4.1), 20 octets on the wire.</summary>
/// <param name="NtpTimestamp">Wall-clock time when the report was sent.</param>
/// <param name="RtpTimestamp">The same instant in the sender's RTP timestamp units.</param>
/// <param name="PacketCount">RTP data packets sent since the start of transmission (modulo 2^32).</param>
/// <param name="OctetCount">RTP payload octets sent since the start of transmission (modulo 2^32).</param>
public readonly record struct RtcpSenderInfo(NtpTimestamp NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    /// <summary>Octets of the sender info section.</summary>
    public const int Length = 20;
}
