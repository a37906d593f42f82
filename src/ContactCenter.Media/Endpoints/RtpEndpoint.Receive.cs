using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

public sealed partial class RtpEndpoint
{
    private readonly short[] _inBandPcm = new short[DatagramBufferSize];
    private long _rtpReceived;
    private long _rtpMalformed;
    private long _ignoredBeforeNegotiation;
    private long _ignoredUnexpectedSource;
    private long _ignoredNotReceiving;
    private long _processingFaults;

    // One loop per socket: the awaited ReceiveFromAsync with a SocketAddress reuses the socket's cached awaitable, and
    // the state machine is boxed once for the loop's life, so steady state allocates nothing per datagram.
    private async Task ReceiveLoopAsync(Socket socket, byte[] buffer, bool isRtcpSocket)
    {
        var source = new SocketAddress(socket.AddressFamily);
        var memory = buffer.AsMemory();
        while (!IsDisposed)
        {
            int received;
            try
            {
                received = await socket.ReceiveFromAsync(memory, SocketFlags.None, source).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (IsDisposed)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error reported on the socket, or a truncated datagram: nothing to process, keep listening.
                continue;
            }

            HandleDatagram(buffer.AsSpan(0, received), source, isRtcpSocket);
        }
    }

    // The same loop on a dedicated thread with a blocking receive: no hand-off from the socket engine to the thread pool
    // per datagram (see RtpEndpointOptions.DedicatedReceiveThreads). Ends when the socket is closed.
    private void ReceiveLoopBlocking(Socket socket, byte[] buffer, bool isRtcpSocket)
    {
        var source = new SocketAddress(socket.AddressFamily);
        while (!IsDisposed)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer, SocketFlags.None, source);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (IsDisposed)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            HandleDatagram(buffer.AsSpan(0, received), source, isRtcpSocket);
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
        _rtpReceived++;
        var now = _time.GetTimestamp();
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
        }

        _sink?.OnRtpPacket(this, datagram, packet.HeaderLength, packet.Payload.Length, codec, isEvent, now);
    }

    private void DetectInBand(AudioCodec codec, ReadOnlySpan<byte> payload)
    {
        var count = Math.Min(payload.Length, _inBandPcm.Length);
        var pcm = _inBandPcm.AsSpan(0, count);
        if (ReferenceEquals(codec, G711Codec.ALaw))
        {
            ALaw.Decode(payload[..count], pcm);
        }
        else
        {
            MuLaw.Decode(payload[..count], pcm);
        }

        if (_inBandDtmf.Process(pcm) > 0)
        {
            while (_inBandDtmf.TryReadEvent(out var dtmf))
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
