using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Vectors;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipResponseFactoryTests
{
    private static SipMessage Request(string text, SipSource? source = null)
    {
        Assert.True(SipMessageParser.TryParse(Encoding.UTF8.GetBytes(text), out var m, out var error), error.ToString());
        m!.Source = source;
        return m;
    }

    private static SipMessage Response(SipMessage request, int status, string reason, string toTag = "")
    {
        var bytes = SipResponseFactory.Create(request, status, reason, Encoding.ASCII.GetBytes(toTag)).Finish();
        Assert.True(SipMessageParser.TryParse(bytes, out var response, out var error), error.ToString());
        Assert.Equal(SipParseError.None, SipMessageValidator.Validate(response!));
        return response!;
    }

    private const string Invite =
        "INVITE sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP pc33.example.com:5062;branch=z9hG4bK776asdhds;rport\r\n" +
        "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1, SIP/2.0/TCP edge.example.com;branch=z9hG4bKedge\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@example.com>\r\n" +
        "From: Alice <sip:alice@example.com>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.com\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@pc33.example.com>\r\n" +
        "X-Custom: kept out of responses\r\n" +
        "Content-Length: 0\r\n\r\n";

    [Fact]
    public void A_response_copies_via_from_to_call_id_and_cseq_in_order()
    {
        var request = Request(Invite);
        var response = Response(request, 486, "Busy Here", "srv42");
        Assert.True(response.IsResponse);
        Assert.Equal(486, response.StatusCode);
        Assert.Equal("Busy Here", Encoding.UTF8.GetString(response.ReasonPhrase.Span));
        Assert.Equal(["SIP/2.0/UDP pc33.example.com:5062;branch=z9hG4bK776asdhds;rport",
                      "SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1",
                      "SIP/2.0/TCP edge.example.com;branch=z9hG4bKedge"], VectorAssert.Values(response, HeaderId.Via));
        Assert.Equal("Alice <sip:alice@example.com>;tag=1928301774", response.GetHeaderString(HeaderId.From));
        Assert.Equal("Bob <sip:bob@example.com>;tag=srv42", response.GetHeaderString(HeaderId.To));
        Assert.Equal("srv42", Encoding.ASCII.GetString(response.ToTag.Span));
        Assert.Equal(request.CallIdString, response.CallIdString);
        Assert.Equal(314159u, response.CSeq);
        Assert.Equal(SipMethod.Invite, response.Method);
        Assert.True(request.Branch.Span.SequenceEqual(response.Branch.Span));
        Assert.False(response.HasHeader(HeaderId.Contact));
        Assert.False(response.TryGetHeader("X-Custom"u8, out _));
        Assert.Equal(0, response.ContentLength);
    }

    [Fact]
    public void A_100_trying_gets_no_to_tag()
    {
        var response = Response(Request(Invite), 100, "Trying", "srv42");
        Assert.False(response.HasToTag);
        Assert.Equal("Bob <sip:bob@example.com>", response.GetHeaderString(HeaderId.To));
    }

    [Fact]
    public void An_existing_to_tag_is_kept_and_not_doubled()
    {
        var inDialog = Invite.Replace("To: Bob <sip:bob@example.com>", "To: Bob <sip:bob@example.com>;tag=existing");
        var response = Response(Request(inDialog), 200, "OK", "srv42");
        Assert.Equal("Bob <sip:bob@example.com>;tag=existing", response.GetHeaderString(HeaderId.To));
    }

    [Fact]
    public void Rport_and_received_are_filled_from_the_source_on_the_top_via_only()
    {
        var source = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.99"), 40123),
            new IPEndPoint(IPAddress.Loopback, 5060));
        var response = Response(Request(Invite, source), 200, "OK", "t");
        var vias = VectorAssert.Vias(response);
        Assert.Equal(3, vias.Count);
        Assert.Equal("192.0.2.99", Encoding.ASCII.GetString(vias[0].Received));
        Assert.Equal(40123, vias[0].RPort);
        Assert.Equal("z9hG4bK776asdhds", Encoding.ASCII.GetString(vias[0].Branch));
        Assert.Equal("SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1", Encoding.ASCII.GetString(vias[1].Value.Span));
        Assert.True(vias[2].Received.IsEmpty);
    }

    [Fact]
    public void Received_is_added_when_the_sent_by_host_differs_even_without_rport()
    {
        var noRport = Invite.Replace(";rport", "");
        var source = new SipSource(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("2001:db8::7"), 5070),
            new IPEndPoint(IPAddress.IPv6Loopback, 5060));
        var via = Response(Request(noRport, source), 200, "OK").TopVia;
        Assert.Equal("2001:db8::7", Encoding.ASCII.GetString(via.Received));
        Assert.False(via.HasRPort);
    }

    [Fact]
    public void Received_is_not_added_when_the_sent_by_address_is_where_it_came_from()
    {
        var fromAddress = Invite.Replace("pc33.example.com:5062;branch=z9hG4bK776asdhds;rport", "192.0.2.99:5062;branch=z9hG4bK776asdhds");
        var source = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.99"), 5062),
            new IPEndPoint(IPAddress.Loopback, 5060));
        var via = Response(Request(fromAddress, source), 200, "OK").TopVia;
        Assert.True(via.Received.IsEmpty);
        Assert.Equal("SIP/2.0/UDP 192.0.2.99:5062;branch=z9hG4bK776asdhds", Encoding.ASCII.GetString(via.Value.Span));
    }

    [Fact]
    public void Only_the_first_value_of_a_multi_value_top_via_line_is_stamped()
    {
        Assert.True(SipMessageParser.TryParse(TortureVectors.Rfc4475("mpart01"), out var request, out _));
        request!.Source = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.5"), 5070),
            new IPEndPoint(IPAddress.Loopback, 5060));
        var via = Response(request, 202, "Accepted", "x").TopVia;
        Assert.Equal("192.0.2.5", Encoding.ASCII.GetString(via.Received));
        Assert.Equal(5070, via.RPort);

        var twoValues = Invite.Replace(
            "Via: SIP/2.0/UDP pc33.example.com:5062;branch=z9hG4bK776asdhds;rport\r\nVia: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1, ",
            "Via: SIP/2.0/UDP pc33.example.com:5062;branch=z9hG4bK776asdhds;rport, SIP/2.0/UDP proxy.example.com;branch=z9hG4bKproxy1, ");
        var stamped = Response(Request(twoValues, request.Source), 200, "OK", "t");
        var vias = VectorAssert.Vias(stamped);
        Assert.Equal(3, vias.Count);
        Assert.Equal(5070, vias[0].RPort);
        Assert.True(vias[1].Received.IsEmpty);
        Assert.False(vias[1].HasRPort);
    }
}
