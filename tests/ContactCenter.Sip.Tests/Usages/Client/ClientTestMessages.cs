using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Usages.Client;

/// <summary>Requests and responses for the client tests, parsed by the stack's own parser.</summary>
internal static class ClientTestMessages
{
    public static SipMessage Parse(string text)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        return message!;
    }

    public static SipMessage Parse(byte[] bytes)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out var message, out var error), error.ToString());
        return message!;
    }

    public static SipMessage Invite(string extraHeaders = "", string body = "v=0\r\n") => Parse(
        "INVITE sip:+4930123456@trunk.example.net SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.5:5060;rport;branch=z9hG4bKorig1\r\n" +
        "Max-Forwards: 70\r\n" +
        "From: <sip:trunkuser@trunk.example.net>;tag=f1\r\n" +
        "To: <sip:+4930123456@trunk.example.net>\r\n" +
        "Call-ID: call-1@192.0.2.5\r\n" +
        "CSeq: 7 INVITE\r\n" +
        "Contact: <sip:trunkuser@192.0.2.5:5060>\r\n" +
        extraHeaders +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body);

    /// <summary>A 401 or 407 to <paramref name="request"/> with each challenge on its own header line.</summary>
    public static SipMessage Challenge(SipMessage request, int status, params string[] challenges)
    {
        var header = status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
        var sb = new StringBuilder();
        sb.Append($"SIP/2.0 {status} {(status == 407 ? "Proxy Authentication Required" : "Unauthorized")}\r\n");
        foreach (var line in Lines(request, "Via")) sb.Append(line);
        foreach (var line in Lines(request, "From")) sb.Append(line);
        sb.Append(Lines(request, "To")[0].TrimEnd() + ";tag=srv1\r\n");
        foreach (var line in Lines(request, "Call-ID")) sb.Append(line);
        foreach (var line in Lines(request, "CSeq")) sb.Append(line);
        foreach (var c in challenges) sb.Append($"{header}: {c}\r\n");
        sb.Append("Content-Length: 0\r\n\r\n");
        return Parse(sb.ToString());
    }

    private static List<string> Lines(SipMessage message, string name) =>
        [.. message.ToString().Split("\r\n").Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l + "\r\n")];
}
