using System.Text;

namespace ContactCenter.Benchmarks;

/// <summary>Messages as a desk phone or softphone sends them to a PBX: what the parser sees all day.</summary>
public static class SampleMessages
{
    private const string Sdp =
        "v=0\r\n" +
        "o=- 1715001234 1715001234 IN IP4 192.168.1.23\r\n" +
        "s=Example Softphone 5.2.1\r\n" +
        "c=IN IP4 192.168.1.23\r\n" +
        "t=0 0\r\n" +
        "m=audio 50000 RTP/AVP 0 8 9 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static readonly byte[] InviteWithSdp = Encoding.ASCII.GetBytes(
        "INVITE sip:2001@pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.23:5060;branch=z9hG4bK-524287-1---6b9a1c3e7d0f2a45;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1001@192.168.1.23:5060;transport=udp>\r\n" +
        "To: <sip:2001@pbx.example.com>\r\n" +
        "From: \"Alice Agent\" <sip:1001@pbx.example.com>;tag=3f9a7b21\r\n" +
        "Call-ID: 8d2f6c0a91b34e57a1c0f3d2e9b87a64@192.168.1.23\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE, UPDATE, PRACK\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Supported: replaces, timer, 100rel\r\n" +
        "User-Agent: Example Softphone 5.2.1\r\n" +
        "Content-Length: " + Sdp.Length + "\r\n" +
        "\r\n" + Sdp);

    public static readonly byte[] RegisterWithAuthorization = Encoding.ASCII.GetBytes(
        "REGISTER sip:pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.168.1.23:5060;branch=z9hG4bK-524287-1---1b2c3d4e5f60718a;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1001@192.168.1.23:5060;rinstance=6f8d3a1b2c4e5f70;transport=udp>;expires=3600\r\n" +
        "To: <sip:1001@pbx.example.com>\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=a1b2c3d4\r\n" +
        "Call-ID: 5f0e9d8c7b6a54321fedcba987654321\r\n" +
        "CSeq: 3 REGISTER\r\n" +
        "Expires: 3600\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n" +
        "Authorization: Digest username=\"1001\",realm=\"pbx.example.com\",nonce=\"7d5ac2f0b1e94c3a8f6e2d1c0b9a8f7e\"," +
        "uri=\"sip:pbx.example.com\",response=\"2f1e0d9c8b7a69584736251403f2e1d0\",algorithm=MD5,cnonce=\"0a4f113b\",qop=auth,nc=00000001\r\n" +
        "User-Agent: Example Softphone 5.2.1\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");
}
