using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Messages.TestMessages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipMessageValidatorTests
{
    [Theory]
    [InlineData("Date: Sat, 13 Nov 2010 23:29:00 GMT\r\n")]
    [InlineData("Contact: *\r\nExpires: 0\r\n")]
    [InlineData("Contact: <sip:a@b>;expires=3600;q=0.7, \"B\" <sip:b@c>;q=1.000\r\n")]
    [InlineData("Contact: sip:a@b;expires=10000000000000000000\r\n")]     // large is clamped later, not refused
    [InlineData("Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p3;lr>\r\n")]
    [InlineData("Content-Type: application/sdp\r\n")]
    [InlineData("Content-Type: multipart/mixed ; boundary=\"abc def\"\r\n")]
    [InlineData("Accept: */*, application/*;q=0.5, text/plain\r\n")]
    [InlineData("Accept:\r\n")]                                           // legal: nothing is acceptable
    [InlineData("Supported:\r\nAllow:\r\n")]
    [InlineData("Require: 100rel, timer\r\nProxy-Require: sec-agree\r\n")]
    [InlineData("Allow: INVITE, ACK, OPTIONS, BYE, CANCEL\r\n")]
    [InlineData("Authorization: Digest username=\"a\", realm=\"r\", nonce=\"n\", uri=\"sip:b\", response=\"x\"\r\n")]
    [InlineData("Event: presence;id=1\r\nAllow-Events: presence, dialog\r\n")]
    [InlineData("Session-Expires: 1800;refresher=uac\r\nMin-SE: 90\r\n")]
    [InlineData("Retry-After: 120 (in a meeting);duration=3600\r\n")]
    [InlineData("RSeq: 988789\r\nRAck: 776656 1 INVITE\r\n")]
    [InlineData("Via: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bK2;received=2001:db8::9;rport=5062;ttl=1\r\n")]
    [InlineData("Refer-To: <sip:c@d?Replaces=abc%40e%3Bto-tag%3D1>\r\nReferred-By: <sip:a@b>\r\n")]
    [InlineData("P-Asserted-Identity: \"Alice\" <sip:alice@example.com>, <tel:+15551234>\r\n")]
    [InlineData("X-Anything: ;;,,<<\"\r\n")]                             // unknown headers are not judged
    public void Well_formed_headers_pass(string headers) => Assert.Equal(SipParseError.None, Validate(headers));

    [Theory]
    [InlineData("Date: Fri, 01 Jan 2010 16:00:00 EST\r\n", HeaderId.Date)]
    [InlineData("Date: Fri, 1 Jan 2010 16:00:00 GMT\r\n", HeaderId.Date)]
    [InlineData("Date: Fri, 01 Jan 2010 24:00:00 GMT\r\n", HeaderId.Date)]
    [InlineData("Date: Fry, 01 Jan 2010 16:00:00 GMT\r\n", HeaderId.Date)]
    [InlineData("Date: 2010-01-01T16:00:00Z\r\n", HeaderId.Date)]
    [InlineData("Contact: *, <sip:a@b>\r\n", HeaderId.Contact)]
    [InlineData("Contact: <sip:a@b>;expires=soon\r\n", HeaderId.Contact)]
    [InlineData("Contact: <sip:a@b>;q=1.5\r\n", HeaderId.Contact)]
    [InlineData("Contact: <sip:a@b>,,<sip:c@d>\r\n", HeaderId.Contact)]
    [InlineData("Contact: \"Joe\" <sip:joe@example.org>;;;;\r\n", HeaderId.Contact)]
    [InlineData("Route: sip:p1.example.com;lr\r\n", HeaderId.Route)]       // route-param needs name-addr
    [InlineData("Record-Route:\r\n", HeaderId.RecordRoute)]
    [InlineData("Expires: -1\r\n", HeaderId.Expires)]
    [InlineData("Min-Expires: 60s\r\n", HeaderId.MinExpires)]
    [InlineData("Content-Type: application\r\n", HeaderId.ContentType)]
    [InlineData("Content-Type: application/sdp;charset\r\n", HeaderId.ContentType)]
    [InlineData("Accept: text/\r\n", HeaderId.Accept)]
    [InlineData("Require:\r\n", HeaderId.Require)]
    [InlineData("Require: 100rel timer\r\n", HeaderId.Require)]
    [InlineData("Supported: 100rel,,timer\r\n", HeaderId.Supported)]
    [InlineData("Authorization: Digest\r\n", HeaderId.Authorization)]
    [InlineData("Authorization: \"Digest\" a=b\r\n", HeaderId.Authorization)]
    [InlineData("RAck: 1 INVITE\r\n", HeaderId.RAck)]
    [InlineData("Session-Expires: soon\r\n", HeaderId.SessionExpires)]
    [InlineData("Via: SIP/2.0/UDP h;branch=z9hG4bK2;received=example.com\r\n", HeaderId.Via)]
    [InlineData("Via: SIP/2.0/UDP h;branch=z9hG4bK2;rport=99999\r\n", HeaderId.Via)]
    [InlineData("Via: SIP/2.0/UDP h;branch=\"quoted\"\r\n", HeaderId.Via)]
    [InlineData("Via: SIP/2.0/UDP h;ttl=256\r\n", HeaderId.Via)]
    [InlineData("Via: SIP/2.0/UDP h;maddr=a b\r\n", HeaderId.Via)]
    [InlineData("Via: SIP/2.0/UDP h,\r\n", HeaderId.Via)]
    [InlineData("Refer-To: <sip:c@d\r\n", HeaderId.ReferTo)]
    public void Malformed_headers_are_refused_and_named(string headers, HeaderId header)
    {
        var error = Validate(headers);
        Assert.Equal(RejectionReason.MalformedHeader, error.Reason);
        Assert.Equal(header, error.Header);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal($"Malformed {HeaderNames.CanonicalName(header)} Header", error.ReasonPhrase);
    }

    [Fact]
    public void A_bad_value_in_a_later_via_line_is_refused_too()
    {
        // The routing view reads the top Via only; the validator reads all of them.
        Assert.Equal(HeaderId.Via, Validate("Via: SIP/2.0/UDP ok.example.com;branch=z9hG4bK3, SIP/2.0/UDP bad;;\r\n").Header);
    }

    [Theory]
    [InlineData("sip:bob@example.com", true)]
    [InlineData("sips:bob@[2001:db8::1]:5061;transport=tcp", true)]
    [InlineData("tel:+15551234", true)]
    [InlineData("nobodyKnowsThisScheme:totallyopaquecontent", true)]  // the server answers 416, not 400
    [InlineData("sip:bob@example.com?Subject=hi", false)]              // headers are not allowed in a Request-URI
    [InlineData("sip:bob@example.com;;", false)]
    [InlineData("*", false)]
    [InlineData("bob@example.com", false)]
    public void Request_uris_are_judged_by_form_not_by_scheme(string uri, bool valid)
    {
        var text = System.Text.Encoding.ASCII.GetString(Options()).Replace("OPTIONS sip:bob@example.com SIP/2.0", $"OPTIONS {uri} SIP/2.0");
        var message = Parse(System.Text.Encoding.ASCII.GetBytes(text));
        var error = SipMessageValidator.Validate(message);
        Assert.Equal(valid ? RejectionReason.None : RejectionReason.InvalidRequestUri, error.Reason);
    }

    [Fact]
    public void Responses_are_validated_without_a_request_uri()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("SIP/2.0 200 OK\r\n" +
            OptionsHead[OptionsHead.IndexOf("Via", StringComparison.Ordinal)..] + "Date: Sat, 13 Nov 2010 23:29:00 EST\r\n\r\n");
        Assert.Equal(new SipParseError(RejectionReason.MalformedHeader, HeaderId.Date), SipMessageValidator.Validate(Parse(bytes)));
    }
}
