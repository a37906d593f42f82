using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>Small well-formed messages to vary one line at a time.</summary>
internal static class TestMessages
{
    public const string OptionsHead =
        "OPTIONS sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bKnashds8\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:bob@example.com>\r\n" +
        "From: Alice <sip:alice@example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710\r\n" +
        "CSeq: 63104 OPTIONS\r\n";

    /// <summary>An OPTIONS request with <paramref name="extraHeaders"/> (CRLF-terminated lines) added before Content-Length.</summary>
    public static byte[] Options(string extraHeaders = "", string body = "") =>
        Encoding.UTF8.GetBytes(OptionsHead + extraHeaders + "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body);

    public static SipMessage Parse(byte[] bytes)
    {
        Assert.True(SipMessageParser.TryParse(bytes, out var m, out var error), error.ToString());
        return m!;
    }

    public static SipParseError Validate(string extraHeaders) => SipMessageValidator.Validate(Parse(Options(extraHeaders)));
}
