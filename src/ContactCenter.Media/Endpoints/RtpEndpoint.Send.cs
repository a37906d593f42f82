using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Endpoints;

public sealed partial class RtpEndpoint
{
    private int _rewriterClockRate;
    private Feeder _lastFeeder;
    private long _rtpSent;
    private long _sendDropped;

    private enum Feeder
    {
        None,
        Relay,
        Local,
    }

    /// <summary>
    /// Sends a packet relayed from another endpoint (a same-codec bridge): sets <paramref name="payloadType"/>, rewrites
    /// SSRC/sequence/timestamp in place for our stream and sends the same buffer. Called on the other endpoint's receive
    /// loop; allocates nothing. False when dropped (nothing negotiated, we may not send, a player or a digit has the
    /// stream, a straggler, a send error).
    /// </summary>
    internal bool TryRelay(Span<byte> packet, int payloadLength, byte payloadType, long nowTimestamp)
    {
        var media = _media;
        if (media is null || !media.CanSend || _outgoingAudio is not null || _inBandDigit is not null || _dtmfOut.IsSendingDigit)
        {
            Interlocked.Increment(ref _sendDropped);
            return false;
        }

        RtpHeaderFields.SetPayloadType(packet, payloadType);
        lock (_sendGate)
        {
            return RewriteAndSend(media, packet, payloadLength, Feeder.Relay, nowTimestamp);
        }
    }

    /// <summary>
    /// Sends a packet we built ourselves (player, mixer, transcoder, DTMF) from the local source, through the same
    /// rewriter as relayed packets so the peer sees one continuous stream.
    /// </summary>
    private void SendLocal(EndpointMedia media, in RtpHeader header, ReadOnlySpan<byte> payload, long nowTimestamp)
    {
        Span<byte> packet = stackalloc byte[RtpPacket.FixedHeaderLength + payload.Length];
        if (!RtpPacketWriter.TryWrite(packet, header, payload, out var length))
        {
            Interlocked.Increment(ref _sendDropped);
            return;
        }

        lock (_sendGate)
        {
            RewriteAndSend(media, packet[..length], payload.Length, Feeder.Local, nowTimestamp);
        }
    }

    // Caller holds _sendGate.
    private bool RewriteAndSend(EndpointMedia media, Span<byte> packet, int payloadLength, Feeder feeder, long nowTimestamp)
    {
        if (feeder != _lastFeeder)
        {
            // A relay and the local source alternate (a digit inside a bridged call): without this the rewriter would
            // treat the returning source as a straggler of the one it just left and drop it for 200 ms.
            _rewriter.SwitchSource();
            _lastFeeder = feeder;
        }

        var status = _rewriter.Rewrite(packet, nowTimestamp);
        if (status is RtpRewriteStatus.DroppedMalformed or RtpRewriteStatus.DroppedStaleSource)
        {
            _sendDropped++;
            return false;
        }

        var remote = media.Latch.RemoteAddress;
        if (remote is null || !SendDatagram(_lease.RtpSocket, packet, remote))
        {
            _sendDropped++;
            return false;
        }

        _rtpSent++;
        _outbound.RecordSent(payloadLength, BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), nowTimestamp);
        return true;
    }

    private static bool SendDatagram(Socket socket, ReadOnlySpan<byte> datagram, SocketAddress remote)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, remote);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
