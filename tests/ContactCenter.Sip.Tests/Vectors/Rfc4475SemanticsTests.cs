using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Vectors.VectorAssert;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>
/// RFC 4475 §3.2–§3.4: messages that parse, where a later layer decides (416, 420, 415, 401, 406, 483, discard).
/// These tests pin what the message layer exposes for that decision.
/// </summary>
public sealed class Rfc4475SemanticsTests
{
    [Fact]
    public void Badbranch_has_a_branch_that_is_only_the_magic_cookie()
    {
        var m = Parses(TortureVectors.Rfc4475("badbranch"));
        Assert.Equal("z9hG4bK", Text(m.Branch));
        Assert.False(m.HasRfc3261Branch); // so the transaction layer matches it the RFC 2543 way
    }

    [Fact]
    public void Unkscm_exposes_the_unknown_scheme_for_a_416()
    {
        var m = Parses(TortureVectors.Rfc4475("unkscm"));
        Assert.True(m.TryGetRequestUri(out var uri));
        Assert.Equal(UriScheme.Other, uri.Scheme);
        Assert.False(uri.IsSip);
        Assert.Equal("nobodyKnowsThisScheme:totallyopaquecontent", uri.ToString());
    }

    [Fact]
    public void Novelsc_exposes_a_known_but_atypical_scheme()
    {
        var m = Parses(TortureVectors.Rfc4475("novelsc"));
        Assert.Equal(UriScheme.Other, m.RequestUri.Scheme);
        Assert.Equal("soap.beep://192.0.2.103:3002", Text(m.RequestUriBytes));
    }

    [Fact]
    public void Unksm2_reads_unknown_schemes_in_to_from_and_contact()
    {
        var m = Parses(TortureVectors.Rfc4475("unksm2"));
        var to = Address(m, HeaderId.To);
        Assert.False(to.HasAngleBrackets);
        Assert.Equal(UriScheme.Other, to.Uri.Scheme);
        Assert.Equal("isbn:2983792873", to.Uri.ToString());
        var from = Address(m, HeaderId.From);
        Assert.Equal("http://www.example.com", from.Uri.ToString());
        Assert.Equal("3234233", Text(m.FromTag));
        Assert.Equal("name:John_Smith", Assert.Single(Addresses(m, HeaderId.Contact)).Uri.ToString());
    }

    [Fact]
    public void Bext01_exposes_require_and_proxy_require_for_a_420()
    {
        var m = Parses(TortureVectors.Rfc4475("bext01"));
        Assert.Equal(["nothingSupportsThis", "nothingSupportsThisEither"], Values(m, HeaderId.Require));
        Assert.Equal(["noProxiesSupportThis", "norDoAnyProxiesSupportThis"], Values(m, HeaderId.ProxyRequire));
        Assert.True(m.HasToken(HeaderId.Require, "NOTHINGSUPPORTSTHIS"u8));
        Assert.Equal(SipTransportKind.Tls, m.TopVia.Transport);
    }

    [Fact]
    public void Invut_exposes_the_unknown_content_type_for_a_415()
    {
        var m = Parses(TortureVectors.Rfc4475("invut"));
        Assert.Equal("application/unknownformat", m.GetHeaderString(HeaderId.ContentType));
        Assert.Equal(40, m.Body.Length);
        Assert.StartsWith("<audio>", Text(m.Body));
    }

    [Fact]
    public void Regaut01_exposes_the_unknown_authorization_scheme_for_a_401()
    {
        var m = Parses(TortureVectors.Rfc4475("regaut01"));
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal("NoOneKnowsThisScheme opaque-data=here", m.GetHeaderString(HeaderId.Authorization));
        Assert.Equal(0, m.ContentLength);                                   // "Content-Length:0"
    }

    [Fact]
    public void Bcast_exposes_the_broadcast_second_via()
    {
        var m = Parses(TortureVectors.Rfc4475("bcast"));
        Assert.Equal(200, m.StatusCode);
        var vias = Vias(m);
        Assert.Equal(2, vias.Count);
        Assert.Equal("192.0.2.198", Text(vias[0].Host));
        Assert.Equal("255.255.255.255", Text(vias[1].Host));
    }

    [Fact]
    public void Zeromf_exposes_a_max_forwards_of_zero()
    {
        var m = Parses(TortureVectors.Rfc4475("zeromf"));
        Assert.Equal(0, m.MaxForwards);
        Assert.Equal(SipMethod.Options, m.Method);
    }

    [Fact]
    public void Cparam01_gives_the_addr_spec_parameter_to_the_contact_not_the_uri()
    {
        var m = Parses(TortureVectors.Rfc4475("cparam01"));
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.False(contact.HasAngleBrackets);
        Assert.True(contact.Uri.Parameters.IsEmpty);
        Assert.True(contact.TryGetParameter("unknownparam"u8, out _));
        Assert.Equal("+19725552222", contact.Uri.UserString);
        Assert.Equal("gw1.example.net", contact.Uri.HostString);
    }

    [Fact]
    public void Cparam02_gives_the_bracketed_parameter_to_the_uri()
    {
        var m = Parses(TortureVectors.Rfc4475("cparam02"));
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.True(contact.HasAngleBrackets);
        Assert.True(contact.Uri.HasParameter("unknownparam"u8));
        Assert.True(contact.Parameters.IsEmpty);
    }

    [Fact]
    public void Regescrt_keeps_the_escaped_header_of_a_bracketed_contact_uri()
    {
        var m = Parses(TortureVectors.Rfc4475("regescrt"));
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));       // compact "M"
        Assert.True(contact.Uri.HasHeaders);
        Assert.Equal("Route=%3Csip:sip.example.com%3E", Text(contact.Uri.Headers));
        Assert.Equal("Route=<sip:sip.example.com>", SipEscaping.Unescape(contact.Uri.Headers));
        Assert.Equal("user", contact.Uri.UserString);
    }

    [Fact]
    public void Sdp01_exposes_the_unacceptable_accept_for_a_406()
    {
        var m = Parses(TortureVectors.Rfc4475("sdp01"));
        Assert.Equal(["text/nobodyKnowsThis"], Values(m, HeaderId.Accept));
        Assert.Equal("application/sdp", m.GetHeaderString(HeaderId.ContentType));
    }

    [Fact]
    public void Inv2543_is_accepted_without_max_forwards_branch_tag_or_content_length()
    {
        var bytes = TortureVectors.Rfc4475("inv2543");
        var m = Parses(bytes);
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal(-1, m.MaxForwards);
        Assert.False(m.HasHeader(HeaderId.MaxForwards));
        Assert.True(m.Branch.IsEmpty);
        Assert.False(m.HasRfc3261Branch);
        Assert.True(m.FromTag.IsEmpty);
        Assert.Equal(-1, m.ContentLength);
        int bodyStart = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.Equal(bytes.Length - bodyStart, m.Body.Length);              // a datagram's body runs to its end
        Assert.Equal("inv2543.1717@ift.client.example.com", m.CallIdString);
        Assert.Equal(["<sip:UserB@example.com;maddr=ss1.example.com>"], Values(m, HeaderId.RecordRoute));
        var to = Address(m, HeaderId.To);
        Assert.False(to.HasAngleBrackets);
        Assert.True(to.TryGetParameter("user"u8, out var user));            // addr-spec: the parameter is the header's
        Assert.Equal("phone", Text(user));
    }

    [Fact]
    public void Insuf_still_exposes_what_a_400_is_routed_by()
    {
        Assert.False(SipMessageParser.TryParse(TortureVectors.Rfc4475("insuf"), out var m, out var error));
        Assert.Equal("Missing To Header", error.ReasonPhrase);
        Assert.NotNull(m);
        Assert.Equal("z9hG4bKkdj.insuf", Text(m!.Branch));
        Assert.Equal(193942u, m.CSeq);
    }

    [Fact]
    public void Badvers_still_exposes_what_a_505_is_routed_by()
    {
        Assert.False(SipMessageParser.TryParse(TortureVectors.Rfc4475("badvers"), out var m, out var error));
        Assert.Equal(505, error.StatusCode);
        Assert.NotNull(m);
        Assert.True(m!.IsRequest);
        Assert.Equal(SipMethod.Options, m.Method);
        Assert.Equal("badvers.31417@c.example.com", m.CallIdString);
    }
}
