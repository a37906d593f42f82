using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// Takes the RTP packets an endpoint accepted (latched, negotiated, receiving), on the endpoint's receive loop, before
/// the buffer is reused: a bridge direction rewrites the header in place and sends the same bytes on. Must not block,
/// must not allocate, must not keep the span.
/// </summary>
internal interface IRtpPacketSink
{
    /// <param name="source">The endpoint that received the packet.</param>
    /// <param name="packet">The whole datagram (header and payload), writable in place.</param>
    /// <param name="payloadOffset">Where the payload starts (after CSRCs and extension).</param>
    /// <param name="payloadLength">Payload octets, padding excluded.</param>
    /// <param name="codec">The audio codec of the payload, or null for telephone-event and unknown types.</param>
    /// <param name="isTelephoneEvent">True for an RFC 4733 packet.</param>
    /// <param name="arrivalTimestamp">A <see cref="TimeProvider.GetTimestamp"/> value read when it arrived.</param>
    void OnRtpPacket(RtpEndpoint source, Span<byte> packet, int payloadOffset, int payloadLength, AudioCodec? codec, bool isTelephoneEvent, long arrivalTimestamp);
}
