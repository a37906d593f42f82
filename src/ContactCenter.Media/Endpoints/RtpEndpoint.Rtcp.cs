using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Endpoints;

public sealed partial class RtpEndpoint
{
    private const int RtcpBufferSize = 256;

    private long _rtcpReceived;
    private long _rtcpMalformed;
    private long _rtcpSent;
    private long _packetsAtLastReport;

    private void ProcessRtcp(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        _rtcpReceived++;
        if (RtcpCompoundReader.TryCreate(datagram, out var reader) != RtcpParseStatus.Ok)
        {
            _rtcpMalformed++;
            return;
        }

        var media = _media;
        if (media is null)
        {
            _ignoredBeforeNegotiation++;
            return;
        }

        if (media.RtcpLatch.Evaluate(source, 0) is Rtp.RtpLatchDecision.IgnoredForeignSource)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var arrival = NtpTimestamp.FromDateTimeOffset(_time.GetUtcNow());
        lock (_receiveGate)
        {
            while (reader.TryReadNext(out var packet))
            {
                if (RtcpSenderReport.TryParse(packet, out var senderReport) == RtcpParseStatus.Ok)
                {
                    if (_inbound.HasSource && senderReport.Ssrc == _inbound.Ssrc)
                    {
                        _inbound.RecordSenderReport(senderReport.SenderInfo.NtpTimestamp, now);
                    }

                    for (var i = 0; i < senderReport.ReportCount; i++)
                    {
                        _quality.RecordRemoteReport(senderReport.GetReportBlock(i), arrival);
                    }
                }
                else if (RtcpReceiverReport.TryParse(packet, out var receiverReport) == RtcpParseStatus.Ok)
                {
                    for (var i = 0; i < receiverReport.ReportCount; i++)
                    {
                        _quality.RecordRemoteReport(receiverReport.GetReportBlock(i), arrival);
                    }
                }
            }
        }
    }

    // SR when we sent RTP since the previous report, else RR; one report block about the peer once it is a valid
    // source; then SDES with our CNAME (RFC 3550 §6.1 requires it in every compound packet).
    private void SendReport(EndpointMedia media, long now)
    {
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[1];
        var blockCount = 0;
        lock (_receiveGate)
        {
            if (_inbound.IsValid)
            {
                blocks[0] = _inbound.CreateReportBlock(now);
                blockCount = 1;
            }
        }

        Span<byte> buffer = stackalloc byte[RtcpBufferSize];
        var writer = new RtcpCompoundWriter(buffer);
        lock (_sendGate)
        {
            var sentSince = _outbound.PacketsSent > _packetsAtLastReport;
            _packetsAtLastReport = _outbound.PacketsSent;
            var ok = sentSince
                ? writer.TryWriteSenderReport(Ssrc, _outbound.CreateSenderInfo(), blocks[..blockCount])
                : writer.TryWriteReceiverReport(Ssrc, blocks[..blockCount]);
            if (!ok || !writer.TryWriteSourceDescription(Ssrc, _canonicalName))
            {
                return;
            }
        }

        SendRtcp(media, writer.Written);
    }

    private void SendGoodbye(EndpointMedia media)
    {
        Span<byte> buffer = stackalloc byte[RtcpBufferSize];
        var writer = new RtcpCompoundWriter(buffer);
        ReadOnlySpan<uint> sources = [Ssrc];
        if (writer.TryWriteReceiverReport(Ssrc, default) && writer.TryWriteSourceDescription(Ssrc, _canonicalName)
            && writer.TryWriteGoodbye(sources, default))
        {
            SendRtcp(media, writer.Written);
        }
    }

    private void SendRtcp(EndpointMedia media, ReadOnlySpan<byte> datagram)
    {
        var mux = media.Negotiated.RtcpMux;
        var remote = mux ? media.Latch.RemoteAddress : media.RtcpLatch.RemoteAddress ?? media.SignaledRtcpAddress;
        if (remote is null)
        {
            return;
        }

        if (SendDatagram(mux ? _lease.RtpSocket : _lease.RtcpSocket, datagram, remote))
        {
            Interlocked.Increment(ref _rtcpSent);
        }
    }
}
