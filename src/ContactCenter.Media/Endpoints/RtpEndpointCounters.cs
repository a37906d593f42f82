namespace ContactCenter.Media.Endpoints;

/// <summary>A snapshot of what an endpoint received, dropped and sent; every drop is counted here instead of thrown.</summary>
/// <param name="RtpReceived">RTP datagrams read from the socket (valid or not).</param>
/// <param name="RtpMalformed">Datagrams that did not parse as RTP version 2.</param>
/// <param name="IgnoredBeforeNegotiation">RTP that arrived before any remote description was applied.</param>
/// <param name="IgnoredUnexpectedSource">RTP from an address other than the signaled one before latching (strict latching only).</param>
/// <param name="IgnoredForeignSource">RTP from an address other than the latched one.</param>
/// <param name="IgnoredPayloadType">RTP with a payload type that was not negotiated.</param>
/// <param name="IgnoredNotReceiving">RTP while our direction does not receive (sendonly, inactive).</param>
/// <param name="RtcpReceived">RTCP datagrams read.</param>
/// <param name="RtcpMalformed">RTCP datagrams that failed RFC 3550 A.2 validation.</param>
/// <param name="RtpSent">RTP packets sent.</param>
/// <param name="RtcpSent">RTCP reports sent.</param>
/// <param name="SendDropped">Packets not sent: no remote yet, our direction does not send, a stale source, or a send error.</param>
/// <param name="ProcessingFaults">Unexpected exceptions caught on the receive path (should stay 0).</param>
public readonly record struct RtpEndpointCounters(
    long RtpReceived,
    long RtpMalformed,
    long IgnoredBeforeNegotiation,
    long IgnoredUnexpectedSource,
    long IgnoredForeignSource,
    long IgnoredPayloadType,
    long IgnoredNotReceiving,
    long RtcpReceived,
    long RtcpMalformed,
    long RtpSent,
    long RtcpSent,
    long SendDropped,
    long ProcessingFaults);
