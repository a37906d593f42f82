using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>A fake phone for tests: a UDP socket pair on loopback (port 0) that sends and receives raw RTP and writes its SDP offer.</summary>
internal sealed class UdpPhone : IDisposable
{
    public static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    public UdpPhone(IPAddress? address = null)
    {
        Rtp = Bind(address ?? IPAddress.Loopback);
        Rtcp = Bind(address ?? IPAddress.Loopback);
    }

    public Socket Rtp { get; }

    public Socket Rtcp { get; }

    public IPEndPoint RtpEndPoint => (IPEndPoint)Rtp.LocalEndPoint!;

    public IPEndPoint RtcpEndPoint => (IPEndPoint)Rtcp.LocalEndPoint!;

    /// <summary>An SDP offer for PCMU/PCMA/G722 as listed (payload type numbers), with telephone-event when given.</summary>
    public byte[] Offer(string codecs = "0", int? telephoneEvent = 101, string direction = "sendrecv")
    {
        var text = new StringBuilder();
        text.Append("v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 ").Append(RtpEndPoint.Address).Append("\r\nt=0 0\r\n");
        text.Append("m=audio ").Append(RtpEndPoint.Port).Append(" RTP/AVP ").Append(codecs);
        if (telephoneEvent is int te)
        {
            text.Append(' ').Append(te);
        }

        text.Append("\r\n");
        foreach (var pt in codecs.Split(' '))
        {
            text.Append("a=rtpmap:").Append(pt).Append(pt switch { "0" => " PCMU/8000", "8" => " PCMA/8000", "9" => " G722/8000", _ => " X/8000" }).Append("\r\n");
        }

        if (telephoneEvent is int t)
        {
            text.Append("a=rtpmap:").Append(t).Append(" telephone-event/8000\r\na=fmtp:").Append(t).Append(" 0-16\r\n");
        }

        text.Append("a=rtcp:").Append(RtcpEndPoint.Port).Append("\r\na=ptime:20\r\na=").Append(direction).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    public void SendRtp(IPEndPoint to, RtpHeader header, ReadOnlySpan<byte> payload)
    {
        var buffer = new byte[RtpPacket.FixedHeaderLength + payload.Length];
        Assert.True(RtpPacketWriter.TryWrite(buffer, header, payload, out var length));
        Rtp.SendTo(buffer.AsSpan(0, length), SocketFlags.None, to);
    }

    public void SendRaw(IPEndPoint to, ReadOnlySpan<byte> datagram) => Rtp.SendTo(datagram, SocketFlags.None, to);

    public async Task<ReceivedRtp> ReceiveRtpAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[2048];
        using var cancel = new CancellationTokenSource(timeout ?? ReceiveTimeout);
        var result = await Rtp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancel.Token);
        Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(buffer.AsSpan(0, result.ReceivedBytes), out var packet));
        return new ReceivedRtp(RtpHeader.From(packet), packet.Payload.ToArray(), (IPEndPoint)result.RemoteEndPoint);
    }

    /// <summary>True when no RTP arrives within <paramref name="window"/> (used only to prove something is NOT sent).</summary>
    public async Task<bool> NothingArrivesAsync(TimeSpan window)
    {
        try
        {
            await ReceiveRtpAsync(window);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static Socket Bind(IPAddress address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(address, 0));
        return socket;
    }
}

internal sealed record ReceivedRtp(RtpHeader Header, byte[] Payload, IPEndPoint Source);
