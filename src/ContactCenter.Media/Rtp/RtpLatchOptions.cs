namespace ContactCenter.Media.Rtp;

/// <summary>Configuration of <see cref="RtpSourceLatch"/>.</summary>
public sealed record RtpLatchOptions
{
    /// <summary>Default for <see cref="RelatchAfterPackets"/>: 10 packets, 200 ms of 20 ms audio.</summary>
    public const int DefaultRelatchAfterPackets = 10;

    /// <summary>
    /// Payload types negotiated for the stream (codecs and telephone-event). Only a packet with one of them can latch
    /// or re-latch; an empty set accepts none. Use <see cref="RtpPayloadTypeSet.All"/> for RTCP.
    /// </summary>
    public RtpPayloadTypeSet ExpectedPayloadTypes { get; init; } = RtpPayloadTypeSet.All;

    /// <summary>
    /// Consecutive valid packets from one new address, with none from the latched address in between, needed to move
    /// the latch there (a NAT rebinding mid-call). 0 disables re-latching.
    /// </summary>
    public int RelatchAfterPackets { get; init; } = DefaultRelatchAfterPackets;
}
