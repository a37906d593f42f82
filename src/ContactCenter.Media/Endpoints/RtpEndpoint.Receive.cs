using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

public sealed partial class RtpEndpoint
{
    [ThreadStatic] private static short[]? t_inBandPcm; // scratch of the receiving thread, not 4 KB per endpoint
    private long _rtpReceived;
    private long _rtpMalformed;
    private long _ignoredBeforeNegotiation;
    private long _ignoredUnexpectedSource;
    private long _ignoredNotReceiving;
    private long _processingFaults;

    // The port pair's receive loops (pooled with the pair, see RtpPortPair) hand every datagram here while we hold it.
    void IRtpDatagramHandler.OnDatagram(Span<byte> datagram, SocketAddress source, bool onRtcpSocket)
    {
        if (!IsDisposed)
        {
            HandleDatagram(datagram, source, onRtcpSocket);
        }
    }

    private void HandleDatagram(Span<byte> datagram, SocketAddress source, bool isRtcpSocket)
    {
        try
        {
            if (isRtcpSocket || IsMultiplexedRtcp(datagram))
            {
                ProcessRtcp(datagram, source);
            }
            else
            {
                ProcessRtp(datagram, source);
            }
        }
        catch (Exception)
        {
            // A bug must not end the call's media: count it and keep receiving.
            Interlocked.Increment(ref _processingFaults);
        }
    }

    // RFC 5761 §4: with rtcp-mux, RTCP packet types 192..223 sit where RTP has marker + payload type.
    private static bool IsMultiplexedRtcp(ReadOnlySpan<byte> datagram) => datagram.Length > 1 && datagram[1] is >= 192 and <= 223;

    private void ProcessRtp(Span<byte> datagram, SocketAddress source)
    {
        // Arrival time first: whoever sees the count (a test's driver) knows the packet's time is taken.
        var now = _time.GetTimestamp();
        _rtpReceived++;
        if (RtpPacket.TryParse(datagram, out var packet) != RtpParseStatus.Ok)
        {
            _rtpMalformed++;
            return;
        }

        var media = _media;
        if (media is null)
        {
            _ignoredBeforeNegotiation++;
            return;
        }

        if (_options.LatchOnlyFromSignaledAddress && !media.Latch.IsLatched
            && (media.SignaledRtp is null || !SocketAddresses.SameIp(source, media.SignaledRtpAddress!)))
        {
            _ignoredUnexpectedSource++;
            return;
        }

        var decision = media.Latch.Evaluate(source, packet.PayloadType);
        if (decision is RtpLatchDecision.IgnoredForeignSource or RtpLatchDecision.IgnoredUnexpectedPayloadType)
        {
            return;
        }

        _inactivity.RecordActivity(now);
        if (!media.CanReceive)
        {
            _ignoredNotReceiving++;
            return;
        }

        var payloadType = packet.PayloadType;
        var isEvent = payloadType == media.ReceiveTelephoneEvent;
        var codec = isEvent ? null : media.ReceiveCodec(payloadType);
        var hasDtmf = false;
        lock (_receiveGate)
        {
            _inbound.Update(packet, now, updateJitter: !isEvent);
            if (isEvent)
            {
                _dtmfIn.Receive(packet.Timestamp, packet.Marker, packet.Payload);
                hasDtmf = _dtmfIn.PendingEvents > 0;
            }
        }

        if (hasDtmf)
        {
            DrainTelephoneEvents();
        }
        else if (media.InBandDtmf && codec is G711Codec)
        {
            DetectInBand(codec, packet.Payload);
        }

        if (codec is not null)
        {
            _inboundTap?.Write(codec, packet.Ssrc, packet.Timestamp, packet.Payload, now);
            Volatile.Read(ref _recordingFeed)?.Write(codec, packet.Ssrc, packet.Timestamp, packet.Payload);
        }

        _sink?.OnRtpPacket(this, datagram, packet.HeaderLength, packet.Payload.Length, codec, isEvent, now);
    }

    private void DetectInBand(AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        var scratch = t_inBandPcm ??= new short[RtpPortPair.DatagramBufferSize]; // a G.711 payload has a sample per byte
        var count = Math.Min(payload.Length, scratch.Length);
        var pcm = scratch.AsSpan(0, count);
        if (ReferenceEquals(codec, G711Codec.ALaw))
        {
            ALaw.Decode(payload[..count], pcm);
        }
        else
        {
            MuLaw.Decode(payload[..count], pcm);
        }

        var detector = _inBandDtmf ??= new GoertzelDtmfDetector();
        if (detector.Process(pcm) > 0)
        {
            while (detector.TryReadEvent(out var dtmf))
            {
                _listener?.OnDtmf(this, dtmf);
            }
        }
    }

    private void DrainTelephoneEvents()
    {
        while (true)
        {
            DtmfEvent dtmf;
            lock (_receiveGate)
            {
                if (!_dtmfIn.TryReadEvent(out dtmf))
                {
                    return;
                }
            }

            _listener?.OnDtmf(this, dtmf);
        }
    }
}
