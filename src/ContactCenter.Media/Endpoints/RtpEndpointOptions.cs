using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

/// <summary>Per-endpoint behaviour shared by every call: timeouts, latching policy, in-band DTMF and RTCP identity.</summary>
public sealed record RtpEndpointOptions
{
    /// <summary>Silence after which <see cref="IRtpEndpointListener.OnMediaTimeout"/> fires (never while held). Default 30 s.</summary>
    public TimeSpan InactivityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Nominal RTCP report interval (randomized 0.5–1.5×, RFC 3550). Default 5 s.</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Consecutive packets from a new address needed to move the latch (NAT rebinding); 0 disables re-latching.
    /// </summary>
    public int RelatchAfterPackets { get; init; } = RtpLatchOptions.DefaultRelatchAfterPackets;

    /// <summary>
    /// Before the first packet latches, accept RTP only from the IP address the remote's SDP gave (any port). Off by
    /// default because a phone behind NAT sends from an address its SDP does not know; turn it on for trunks.
    /// </summary>
    public bool LatchOnlyFromSignaledAddress { get; init; }

    /// <summary>Run the Goertzel detector on G.711 audio when the peer did not negotiate telephone-event. Default true.</summary>
    public bool InBandDtmfWithoutTelephoneEvent { get; init; } = true;

    /// <summary>Silence after which a telephone-event digit whose end packets were lost is ended.</summary>
    public TimeSpan DtmfEndTimeout { get; init; } = TelephoneEventReceiver.DefaultEndTimeout;

    /// <summary>
    /// Depths of the jitter buffer on every decode path (recording, mixing, transcoding). Default 20–200 ms, with a 64-packet
    /// inbox so a receive loop that ran late on a busy machine can hand over 1.28 s of backlog without losing it.
    /// </summary>
    public JitterBufferOptions JitterBuffer { get; init; } = new() { InboxCapacity = 64 };

    /// <summary>
    /// Receive on one dedicated thread per socket (blocking <c>ReceiveFrom</c>) instead of an async loop on the thread
    /// pool: no hand-off per datagram, so fewer context switches for a few very busy legs (trunks, the relay
    /// benchmark). Two threads per leg, so not for thousands of legs. Default false.
    /// </summary>
    public bool DedicatedReceiveThreads { get; init; }

    /// <summary>The RTCP CNAME (SDES) this engine announces; ASCII, 1..255 octets.</summary>
    public string CanonicalName { get; init; } = "contactcenter@media";
}
