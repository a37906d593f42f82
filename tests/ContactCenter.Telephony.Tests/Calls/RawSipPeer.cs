using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>A hand-driven SIP phone on a loopback UDP socket: sends text, receives parsed messages, registers with Digest.</summary>
internal sealed partial class RawSipPeer : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;

    /// <param name="bind">The loopback address to send from (127.0.0.2 plays a trunk provider's network); 127.0.0.1 by default.</param>
    public RawSipPeer(string user, IPEndPoint server, IPAddress? bind = null)
    {
        User = user;
        _server = server;
        _socket.Bind(new IPEndPoint(bind ?? IPAddress.Loopback, 0));
    }

    public string User { get; }
    public IPAddress Address => ((IPEndPoint)_socket.LocalEndPoint!).Address;
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;
    public string Contact => $"<sip:{User}@{Address}:{Port}>";

    public async Task SendAsync(string message) => await _socket.SendToAsync(Encoding.UTF8.GetBytes(message), _server);

    /// <summary>The next message matching <paramref name="match"/>; others (100 Trying, retransmissions) are skipped.</summary>
    public async Task<SipMessage> ReceiveAsync(Func<SipMessage, bool> match, TimeSpan? timeout = null)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(timeout ?? Wait);
        while (true)
        {
            var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            Assert.True(SipMessageParser.TryParse(buffer.AsMemory(0, result.ReceivedBytes).ToArray(), out var message, out var error), error.ToString());
            if (match(message!)) return message!;
        }
    }

    public Task<SipMessage> ReceiveResponseAsync(int status) => ReceiveAsync(m => m.IsResponse && m.StatusCode == status);

    /// <summary>The final response to <paramref name="method"/> of call <paramref name="callId"/> (earlier calls' unACKed finals are retransmitted).</summary>
    public Task<SipMessage> ReceiveFinalAsync(SipMethod method, string callId) =>
        ReceiveAsync(m => m.IsResponse && m.StatusCode >= 200 && m.CSeqMethod == method && m.CallIdString == callId);

    public Task<SipMessage> ReceiveRequestAsync(SipMethod method) => ReceiveAsync(m => m.IsRequest && m.Method == method);

    /// <summary>Nothing but what <paramref name="ignore"/> accepts arrives for <paramref name="period"/>.</summary>
    public async Task AssertSilentAsync(TimeSpan period, Func<SipMessage, bool> ignore)
    {
        try
        {
            var unexpected = await ReceiveAsync(m => !ignore(m), period);
            Assert.Fail("Unexpected message: " + unexpected);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task RegisterAsync(string password, string realm)
    {
        var callId = Guid.NewGuid().ToString("N");
        await SendAsync(Register(callId, 1, null));
        var challenge = await ReceiveResponseAsync(401);
        var authorization = Authorization(challenge.GetHeaderString(HeaderId.WwwAuthenticate)!, "REGISTER", $"sip:{_server}", User, password, realm);
        await SendAsync(Register(callId, 2, authorization));
        await ReceiveResponseAsync(200);
    }

    private string Register(string callId, int cseq, string? authorization) =>
        $"REGISTER sip:{_server} SIP/2.0\r\nVia: SIP/2.0/UDP {Address}:{Port};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:{User}@{_server}>;tag=r{cseq}\r\nTo: <sip:{User}@{_server}>\r\nCall-ID: {callId}\r\n" +
        $"CSeq: {cseq} REGISTER\r\nContact: {Contact}\r\nExpires: 600\r\n" +
        (authorization is null ? "" : $"Authorization: {authorization}\r\n") + "Content-Length: 0\r\n\r\n";

    /// <summary>A Digest answer (MD5, qop=auth) to a WWW-Authenticate or Proxy-Authenticate <paramref name="challenge"/>.</summary>
    public static string Authorization(string challenge, string method, string uri, string user, string password, string realm)
    {
        string nonce = Param(challenge, "nonce"), opaque = Param(challenge, "opaque");
        string ha1 = Md5($"{user}:{realm}:{password}"), ha2 = Md5($"{method}:{uri}");
        const string cnonce = "0a4f113b", nc = "00000001";
        var response = Md5($"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
               $"algorithm=MD5, cnonce=\"{cnonce}\", qop=auth, nc={nc}" + (opaque.Length > 0 ? $", opaque=\"{opaque}\"" : "");
    }

    public static string Param(string header, string name)
    {
        var match = Regex.Match(header, name + "=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : "";
    }

    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A response to <paramref name="request"/> echoing Via, From, To (+ tag), Call-ID and CSeq.</summary>
    public string Response(SipMessage request, int status, string reason, string toTag, string body = "")
    {
        var sb = new StringBuilder($"SIP/2.0 {status} {reason}\r\n");
        foreach (var via in request.GetValues(HeaderId.Via)) sb.Append("Via: ").Append(Encoding.UTF8.GetString(via.Span)).Append("\r\n");
        sb.Append("From: ").Append(request.GetHeaderString(HeaderId.From)).Append("\r\n");
        var to = request.GetHeaderString(HeaderId.To)!;
        sb.Append("To: ").Append(request.HasToTag || status == 100 ? to : to + ";tag=" + toTag).Append("\r\n");
        sb.Append("Call-ID: ").Append(request.CallIdString).Append("\r\n");
        sb.Append("CSeq: ").Append(request.GetHeaderString(HeaderId.CSeq)).Append("\r\n");
        sb.Append("Contact: ").Append(Contact).Append("\r\n");
        if (body.Length > 0) sb.Append("Content-Type: application/sdp\r\n");
        sb.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return sb.ToString();
    }

    public string Sdp => $"v=0\r\no=- 1 1 IN IP4 {Address}\r\ns=-\r\nc=IN IP4 {Address}\r\nt=0 0\r\n" +
                         $"m=audio {Port + 2} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

    public void Dispose() => _socket.Dispose();
}
