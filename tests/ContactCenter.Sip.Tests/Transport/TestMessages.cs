using System.Text;

namespace ContactCenter.Sip.Tests.Transport;

internal static class TestMessages
{
    public static byte[] Options(string branch = "z9hG4bK-test1", string via = "SIP/2.0/UDP 192.0.2.1:5070;rport", string? extraHeaders = null, bool contentLength = true)
    {
        var sb = new StringBuilder();
        sb.Append("OPTIONS sip:server@127.0.0.1 SIP/2.0\r\n");
        sb.Append($"Via: {via};branch={branch}\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        sb.Append("From: <sip:alice@example.com>;tag=abc\r\n");
        sb.Append("To: <sip:server@127.0.0.1>\r\n");
        sb.Append("Call-ID: test-call-1@example.com\r\n");
        sb.Append("CSeq: 1 OPTIONS\r\n");
        if (extraHeaders != null) sb.Append(extraHeaders);
        if (contentLength) sb.Append("Content-Length: 0\r\n");
        sb.Append("\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
