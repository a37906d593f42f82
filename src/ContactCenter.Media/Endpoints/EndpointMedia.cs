using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Endpoints;

/// <summary>
/// The negotiated stream in the form the hot path reads: payload-type lookup tables, the latches and the destinations as
/// <see cref="SocketAddress"/>. Immutable once published; <see cref="RtpEndpoint.Apply"/> swaps in a new one, so the
/// receive loop and the media clock read it without a lock.
/// </summary>
internal sealed class EndpointMedia
{
    public const int NoPayloadType = -1;

    // Payload type → codec for the few formats the remote may send (a linear scan of two to four entries beats a
    // 128-slot table that every call leg would carry for its whole life).
    private readonly int[] _receivePayloadTypes;
    private readonly AudioCodec[] _receiveCodecs;

    public EndpointMedia(NegotiatedMedia negotiated, CodecCatalog catalog, RtpEndpointOptions options, EndpointMedia? previous)
    {
        Negotiated = negotiated;
        catalog.TryGetByName(negotiated.Codec.Name, negotiated.Codec.ClockRate, out var sendCodec);
        SendCodec = sendCodec;
        SendPayloadType = (byte)negotiated.Codec.PayloadType;
        SendTelephoneEvent = negotiated.TelephoneEventPayloadType ?? NoPayloadType;
        ReceiveTelephoneEvent = negotiated.ReceiveTelephoneEventPayloadType ?? NoPayloadType;
        var expected = RtpPayloadTypeSet.None;
        var payloadTypes = new List<int>(4);
        var codecs = new List<AudioCodec>(4);
        foreach (var codec in negotiated.ReceiveCodecs)
        {
            expected = expected.With(codec.PayloadType);
            if (codec.PayloadType is >= 0 and < 128 && !payloadTypes.Contains(codec.PayloadType)
                && catalog.TryGetByName(codec.Name, codec.ClockRate, out var known))
            {
                payloadTypes.Add(codec.PayloadType);
                codecs.Add(known);
            }
        }

        _receivePayloadTypes = [.. payloadTypes];
        _receiveCodecs = [.. codecs];

        if (ReceiveTelephoneEvent != NoPayloadType)
        {
            expected = expected.With(ReceiveTelephoneEvent);
        }

        ExpectedPayloadTypes = expected;
        FramesPerPacket = Math.Max(1, negotiated.PacketTime / AudioCodec.FrameMilliseconds);
        CanSend = negotiated.CanSend && negotiated.RemoteRtp is not null;
        CanReceive = negotiated.CanReceive;
        Held = !negotiated.CanReceive || negotiated.RemoteHold;
        InBandDtmf = options.InBandDtmfWithoutTelephoneEvent && ReceiveTelephoneEvent == NoPayloadType;
        SignaledRtp = negotiated.RemoteRtp;
        SignaledRtcp = negotiated.RemoteRtcp;
        SignaledRtpAddress = negotiated.RemoteRtp?.Serialize();
        SignaledRtcpAddress = negotiated.RemoteRtcp?.Serialize();

        // Keep what the latch learned when the re-INVITE changed nothing it depends on (a hold, a direction change).
        if (previous is not null && Equals(previous.SignaledRtp, SignaledRtp) && previous.ExpectedPayloadTypes == expected)
        {
            Latch = previous.Latch;
            RtcpLatch = previous.RtcpLatch;
        }
        else
        {
            Latch = new RtpSourceLatch(
                new RtpLatchOptions { ExpectedPayloadTypes = expected, RelatchAfterPackets = options.RelatchAfterPackets },
                negotiated.RemoteRtp);
            RtcpLatch = new RtpSourceLatch(
                new RtpLatchOptions { ExpectedPayloadTypes = RtpPayloadTypeSet.All, RelatchAfterPackets = options.RelatchAfterPackets },
                negotiated.RemoteRtcp);
        }
    }

    public NegotiatedMedia Negotiated { get; }

    /// <summary>The codec we send with, or null when the catalog has no implementation (then only relaying works).</summary>
    public AudioCodec? SendCodec { get; }

    public byte SendPayloadType { get; }

    public int SendTelephoneEvent { get; }

    public int ReceiveTelephoneEvent { get; }

    public RtpPayloadTypeSet ExpectedPayloadTypes { get; }

    public int FramesPerPacket { get; }

    public bool CanSend { get; }

    public bool CanReceive { get; }

    /// <summary>Either side holds the stream: no RTP is expected, so inactivity is not watched.</summary>
    public bool Held { get; }

    public bool InBandDtmf { get; }

    public IPEndPoint? SignaledRtp { get; }

    public IPEndPoint? SignaledRtcp { get; }

    public SocketAddress? SignaledRtpAddress { get; }

    public SocketAddress? SignaledRtcpAddress { get; }

    public RtpSourceLatch Latch { get; }

    public RtpSourceLatch RtcpLatch { get; }

    /// <summary>The codec the remote uses for <paramref name="payloadType"/>, or null (telephone-event, unknown).</summary>
    public AudioCodec? ReceiveCodec(int payloadType)
    {
        var payloadTypes = _receivePayloadTypes;
        for (var i = 0; i < payloadTypes.Length; i++)
        {
            if (payloadTypes[i] == payloadType)
            {
                return _receiveCodecs[i];
            }
        }

        return null;
    }

    /// <summary>Whether a packet from the remote with <paramref name="payloadType"/> carries <paramref name="codec"/> audio.</summary>
    public bool ReceivesAs(int payloadType, AudioCodec? codec) => codec is not null && ReferenceEquals(ReceiveCodec(payloadType), codec);
}
