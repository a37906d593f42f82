using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>Real request and response bytes for the transaction tests, and parsing them as a transport would.</summary>
internal static class TestMessages
{
    /// <summary>The remote peer every received message comes from (its Via sent-by too, so no received= is added).</summary>
    public static readonly IPEndPoint Peer = new(IPAddress.Parse("192.0.2.10"), 5060);

    public static readonly IPEndPoint Local = new(IPAddress.Parse("192.0.2.1"), 5060);

    private const string Sdp =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n";

    public static byte[] Request(string method, string branch, string callId = "call-1@test.example", string fromTag = "from-1",
        uint cseq = 1, string? toTag = null, string transport = "UDP", string sentBy = "192.0.2.10:5060",
        string requestUri = "sip:bob@example.com", string? extraHeaders = null, string body = "", string? cseqMethod = null)
    {
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(requestUri).Append(" SIP/2.0\r\n")
            .Append("Via: SIP/2.0/").Append(transport).Append(' ').Append(sentBy).Append(";branch=").Append(branch).Append("\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: \"Alice\" <sip:alice@example.com>;tag=").Append(fromTag).Append("\r\n")
            .Append("To: <sip:bob@example.com>").Append(toTag is null ? "" : ";tag=" + toTag).Append("\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: ").Append(cseq).Append(' ').Append(cseqMethod ?? method).Append("\r\n");
        if (extraHeaders is not null) text.Append(extraHeaders).Append("\r\n");
        text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Invite(string branch, string callId = "call-1@test.example", string fromTag = "from-1", uint cseq = 1,
        string? toTag = null, string transport = "UDP", string? extraHeaders = null) =>
        Request("INVITE", branch, callId, fromTag, cseq, toTag, transport,
            extraHeaders: "Contact: <sip:alice@192.0.2.10:5060>\r\nRoute: <sip:proxy.example.com;lr>\r\nContent-Type: application/sdp" +
                          (extraHeaders is null ? "" : "\r\n" + extraHeaders),
            body: Sdp);

    /// <summary>The ACK a UAC sends for a non-2xx response to <see cref="Invite"/> (same branch) or, with a new branch, for a 2xx.</summary>
    public static byte[] Ack(string branch, string toTag, string callId = "call-1@test.example", string fromTag = "from-1",
        uint cseq = 1, string transport = "UDP") =>
        Request("ACK", branch, callId, fromTag, cseq, toTag, transport);

    /// <summary>Parses bytes as a transport would hand them up: with the peer as source.</summary>
    public static SipMessage Parse(byte[] bytes, SipTransportKind transport = SipTransportKind.Udp, long connectionId = 0)
    {
        var message = ParseLocal(bytes);
        message.Source = new SipSource(transport, Peer, Local, connectionId);
        return message;
    }

    public static SipMessage ParseLocal(ReadOnlyMemory<byte> bytes)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out var message, out var error),
            $"test message does not parse ({error}):\n{Encoding.UTF8.GetString(bytes.Span)}");
        return message!;
    }

    /// <summary>A response a UAS would send to <paramref name="request"/> (the bytes a client transaction sent).</summary>
    public static byte[] ResponseTo(ReadOnlyMemory<byte> request, int statusCode, string reasonPhrase, string? toTag = null) =>
        SipResponseFactory.Create(ParseLocal(request), statusCode, reasonPhrase,
            toTag is null ? default : Encoding.ASCII.GetBytes(toTag)).Finish();

    public static string HeaderOf(SipMessage message, HeaderId id) => message.GetHeaderString(id) ?? "";
}
