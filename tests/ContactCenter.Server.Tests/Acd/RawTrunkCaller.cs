using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Media.Codecs;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Server.Tests.Acd;

/// <summary>
/// A trunk provider's caller written by hand on loopback: INVITE with a PCMU offer, ACK, BYE over a UDP socket, and an
/// RTP socket that keeps every packet the server sends (and sends silence back so the call stays alive). For tests that
/// must hear what the caller hears.
/// </summary>
internal sealed class RawTrunkCaller : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly Socket _sip = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _rtp = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;
    private readonly string _callId = Guid.NewGuid().ToString("N");
    private readonly List<(ushort Sequence, byte[] Payload)> _received = [];
    private SipMessage? _ok;

    public RawTrunkCaller(IPEndPoint server)
    {
        _server = server;
        _sip.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _rtp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    private int SipPort => ((IPEndPoint)_sip.LocalEndPoint!).Port;
    private int RtpPort => ((IPEndPoint)_rtp.LocalEndPoint!).Port;

    /// <summary>Calls <paramref name="did"/> and returns once the server answered and was ACKed.</summary>
    public async Task CallAsync(string did)
    {
        var sdp = $"v=0\r\no=provider 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {RtpPort} RTP/AVP 0\r\n" +
                  "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        await SendAsync($"INVITE sip:{did}@{_server} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{SipPort};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
                        $"Max-Forwards: 70\r\nFrom: <sip:2125551234@127.0.0.1:{SipPort}>;tag=raw1\r\nTo: <sip:{did}@{_server}>\r\n" +
                        $"Call-ID: {_callId}\r\nCSeq: 1 INVITE\r\nContact: <sip:provider@127.0.0.1:{SipPort}>\r\n" +
                        $"Content-Type: application/sdp\r\nContent-Length: {Encoding.ASCII.GetByteCount(sdp)}\r\n\r\n{sdp}");
        _ok = await ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeqMethod == SipMethod.Invite);
        Assert.Equal(200, _ok.StatusCode);
        await SendAsync(InDialog("ACK", 1));
    }

    /// <summary>Keeps what the server sends for <paramref name="duration"/>, answering each packet with a silent one.</summary>
    public async Task ListenAsync(TimeSpan duration)
    {
        var buffer = new byte[2048];
        var silence = new byte[12 + 160];
        silence[0] = 0x80;
        Array.Fill(silence, (byte)0xFF, 12, 160);
        ushort sequence = 0;
        EndPoint? source = null;
        using var cts = new CancellationTokenSource(duration);
        try
        {
            while (true)
            {
                var result = await _rtp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
                if (result.ReceivedBytes <= 12 || (buffer[1] & 0x7F) != 0) continue;
                _received.Add(((ushort)(buffer[2] << 8 | buffer[3]), buffer.AsSpan(12, result.ReceivedBytes - 12).ToArray()));
                source ??= result.RemoteEndPoint;
                silence[2] = (byte)(sequence >> 8);
                silence[3] = (byte)sequence++;
                await _rtp.SendToAsync(silence, source);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Everything heard so far, decoded, in sequence order (loopback: nothing lost or reordered in practice).</summary>
    public short[] Heard()
    {
        var payload = _received.OrderBy(p => p.Sequence).SelectMany(p => p.Payload).ToArray();
        var samples = new short[payload.Length];
        MuLaw.Decode(payload, samples);
        return samples;
    }

    public async Task HangUpAsync()
    {
        await SendAsync(InDialog("BYE", 2));
        await ReceiveAsync(m => m.IsResponse && m.CSeqMethod == SipMethod.Bye);
    }

    private string InDialog(string method, int cseq) =>
        $"{method} {_ok!.GetHeaderString(HeaderId.Contact)!.Trim('<', '>')} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{SipPort};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:2125551234@127.0.0.1:{SipPort}>;tag=raw1\r\nTo: {_ok.GetHeaderString(HeaderId.To)}\r\n" +
        $"Call-ID: {_callId}\r\nCSeq: {cseq} {method}\r\nContent-Length: 0\r\n\r\n";

    private async Task SendAsync(string message) => await _sip.SendToAsync(Encoding.UTF8.GetBytes(message), _server);

    private async Task<SipMessage> ReceiveAsync(Func<SipMessage, bool> match)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(Wait);
        while (true)
        {
            var result = await _sip.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            Assert.True(SipMessageParser.TryParse(buffer.AsMemory(0, result.ReceivedBytes).ToArray(), out var message, out var error), error.ToString());
            if (match(message!)) return message!;
        }
    }

    public void Dispose()
    {
        _sip.Dispose();
        _rtp.Dispose();
    }
}
