using System.Net;
using System.Text.RegularExpressions;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Vectors.VectorAssert;
using static ContactCenter.Sip.Tests.Vectors.VectorExpectation;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>RFC 5118: IPv6 references in Request-URI, Via (sent-by and received), Contact and To.</summary>
public sealed class Rfc5118Tests
{
    private static readonly IReadOnlyList<VectorExpectation> Table =
    [
        Valid("ipv6-good", "4.1"),
        ByValidator("ipv6-bad", "4.2", RejectionReason.InvalidRequestUri, HeaderId.Other, 400),
        Valid("port-ambiguous", "4.3"),
        Valid("port-unambiguous", "4.4"),
        Valid("via-received-param-with-delim", "4.5"),
        Valid("via-received-param-no-delim", "4.5"),
        Valid("ipv6-in-sdp", "4.6"),
        Valid("mult-ip-in-header", "4.7"),
        Valid("mult-ip-in-sdp", "4.8"),
        Valid("ipv4-mapped-ipv6", "4.9"),
        Valid("ipv6-bug-abnf-3-colons", "4.10"),
        Valid("ipv6-correct-abnf-2-colons", "4.10"),
    ];

    public static TheoryData<string> Files() => new(Table.Select(e => e.File));

    [Fact]
    public void The_table_covers_every_vector_file_and_index_row()
    {
        Assert.Equal(TortureVectors.Names("rfc5118"), Table.Select(e => e.File).Order());
        var index = File.ReadAllText(Path.Combine(TortureVectors.Directory("rfc5118"), "INDEX.md"));
        var rows = Regex.Matches(index, @"^\| ([\w-]+)\.dat \| ([\d.]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(Table.Count, rows.Count);
        foreach (var e in Table) Assert.Equal(rows[e.File], e.Section);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_vector_has_the_outcome_its_section_asks_for(string file)
    {
        var expected = Table.Single(e => e.File == file);
        Assert.True(SipMessageParser.TryParse(TortureVectors.Rfc5118(file), out var message, out var error), error.ToString());
        var validation = SipMessageValidator.Validate(message!);
        if (expected.Stage == VectorStage.Accepted)
        {
            Assert.Equal(SipParseError.None, validation);
            return;
        }
        Assert.Equal(expected.Reason, validation.Reason);
        Assert.Equal(expected.StatusCode, validation.StatusCode);
    }

    [Fact]
    public void Ipv6_good_reads_references_in_request_uri_via_and_contact()
    {
        var m = Parses(TortureVectors.Rfc5118("ipv6-good"));
        Assert.Equal("[2001:db8::10]", m.RequestUri.HostString);
        Assert.Equal(0, m.RequestUri.Port);
        Assert.Equal("[2001:db8::9:1]", Text(m.TopVia.Host));
        Assert.Equal("z9hG4bKas3-111", Text(m.Branch));
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.Equal("[2001:db8::1]", contact.Uri.HostString);
        Assert.Equal("Caller", contact.DisplayName);
    }

    [Fact]
    public void Ipv6_bad_request_uri_without_brackets_is_not_a_uri()
    {
        Assert.True(SipMessageParser.TryParse(TortureVectors.Rfc5118("ipv6-bad"), out var m, out _));
        Assert.False(m!.TryGetRequestUri(out _));
        Assert.False(SipMessageValidator.IsValidRequestUri(m.RequestUriBytes));
    }

    [Fact]
    public void Port_inside_the_brackets_is_part_of_the_address()
    {
        var m = Parses(TortureVectors.Rfc5118("port-ambiguous"));
        Assert.Equal("[2001:db8::10:5070]", m.RequestUri.HostString);
        Assert.Equal(0, m.RequestUri.Port);
    }

    [Fact]
    public void Port_after_the_brackets_is_the_port()
    {
        var m = Parses(TortureVectors.Rfc5118("port-unambiguous"));
        Assert.Equal("[2001:db8::10]", m.RequestUri.HostString);
        Assert.Equal(5070, m.RequestUri.Port);
    }

    [Theory]
    [InlineData("via-received-param-with-delim", "[2001:db8::9:255]")]
    [InlineData("via-received-param-no-delim", "2001:db8::9:255")]
    public void Received_is_read_with_or_without_brackets(string file, string received)
    {
        var m = Parses(TortureVectors.Rfc5118(file));
        var via = m.TopVia;
        Assert.Equal("[2001:db8::9:1]", Text(via.Host));
        Assert.Equal(received, Text(via.Received));
        Assert.Equal(IPAddress.Parse("2001:db8::9:255"), IPAddress.Parse(received.Trim('[', ']')));
        Assert.StartsWith("z9hG4bKas3", Text(m.Branch));
    }

    [Fact]
    public void Ipv6_in_sdp_keeps_the_body_and_reads_the_bracketed_request_uri()
    {
        var m = Parses(TortureVectors.Rfc5118("ipv6-in-sdp"));
        Assert.Equal("user", m.RequestUri.UserString);
        Assert.Equal("[2001:db8::10]", m.RequestUri.HostString);
        Assert.Equal(251, m.Body.Length);
        Assert.Contains("c=IN IP6 2001:db8::20\r\n", Text(m.Body));
        Assert.Equal("[2001:db8::10]", Address(m, HeaderId.To).Uri.HostString);
    }

    [Fact]
    public void Mult_ip_in_header_reads_ipv6_and_ipv4_vias()
    {
        var vias = Vias(Parses(TortureVectors.Rfc5118("mult-ip-in-header")));
        Assert.Equal(3, vias.Count);
        Assert.Equal("[2001:db8::9:1]", Text(vias[0].Host));
        Assert.Equal(6050, vias[0].Port);
        Assert.Equal("192.0.2.1", Text(vias[1].Host));
        Assert.Equal(0, vias[1].Port);
        Assert.Equal(SipTransportKind.Tcp, vias[2].Transport);
        Assert.Equal("[2001:db8::9:255]", Text(vias[2].Host));
        Assert.Equal("192.0.2.200", Text(vias[2].Received));
        Assert.Equal("z9hG4bK451jj", Text(vias[2].Branch));
    }

    [Fact]
    public void Mult_ip_in_sdp_keeps_both_connection_lines()
    {
        var m = Parses(TortureVectors.Rfc5118("mult-ip-in-sdp"));
        Assert.Equal(189, m.Body.Length);
        Assert.Contains("c=IN IP4 192.0.2.1\r\n", Text(m.Body));
        Assert.Contains("c=IN IP6 2001:db8::1\r\n", Text(m.Body));
    }

    [Fact]
    public void Ipv4_mapped_addresses_are_read_in_via_and_contact()
    {
        var m = Parses(TortureVectors.Rfc5118("ipv4-mapped-ipv6"));
        var vias = Vias(m);
        Assert.Equal("[::ffff:192.0.2.10]", Text(vias[0].Host));
        Assert.Equal(19823, vias[0].Port);
        Assert.Equal("[::ffff:192.0.2.2]", Text(vias[1].Host));
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.Equal("T. desk phone", contact.DisplayName);
        Assert.Equal("[::ffff:192.0.2.2]", contact.Uri.HostString);
    }

    [Theory]
    [InlineData("ipv6-bug-abnf-3-colons", "[2001:db8:::192.0.2.1]")]
    [InlineData("ipv6-correct-abnf-2-colons", "[2001:db8::192.0.2.1]")]
    public void Both_forms_of_an_embedded_ipv4_address_are_tolerated(string file, string host)
    {
        var m = Parses(TortureVectors.Rfc5118(file));
        Assert.Equal(host, m.RequestUri.HostString);
        Assert.Equal("user", m.RequestUri.UserString);
        Assert.Equal(host, Address(m, HeaderId.To).Uri.HostString);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 2001:db8::9:1;branch=z9hG4bKas3", HeaderId.Via)]            // sent-by without brackets
    [InlineData("Via: SIP/2.0/UDP [2001:db8::9:1;branch=z9hG4bKas3", HeaderId.Via)]           // unclosed reference
    [InlineData("Via: SIP/2.0/UDP [2001:db8:::10];branch=z9hG4bKas3", HeaderId.Via)]          // ":::" not before IPv4
    [InlineData("Via: SIP/2.0/UDP [12345::1];branch=z9hG4bKas3", HeaderId.Via)]               // five hex digits
    [InlineData("Via: SIP/2.0/UDP [1:2:3:4:5:6:7:8:9];branch=z9hG4bKas3", HeaderId.Via)]      // nine groups
    [InlineData("Via: SIP/2.0/UDP [2001:db8::1]:65536;branch=z9hG4bKas3", HeaderId.Via)]      // port out of range
    public void Malformed_ipv6_in_the_top_via_is_refused_by_the_parser(string via, HeaderId header)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(
            "OPTIONS sip:[2001:db8::10] SIP/2.0\r\n" + via + "\r\nTo: <sip:u@example.com>\r\nFrom: <sip:u@example.com>;tag=1\r\n" +
            "Call-ID: v6@x\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
        Assert.False(SipMessageParser.TryParse(bytes, out _, out var error));
        Assert.Equal(new SipParseError(RejectionReason.MalformedHeader, header), error);
    }

    [Theory]
    [InlineData("OPTIONS sip:[2001:db8::10 SIP/2.0", "Contact: <sip:c@[2001:db8::1]>", RejectionReason.InvalidRequestUri, HeaderId.Other)]
    [InlineData("OPTIONS sip:user@[::ffff:192.0.2.256] SIP/2.0", "Contact: <sip:c@[2001:db8::1]>", RejectionReason.InvalidRequestUri, HeaderId.Other)]
    [InlineData("OPTIONS sip:[2001:db8::10] SIP/2.0", "Contact: <sip:c@[2001:db8::g]>", RejectionReason.MalformedHeader, HeaderId.Contact)]
    [InlineData("OPTIONS sip:[2001:db8::10] SIP/2.0", "Via: SIP/2.0/UDP [::1];branch=z9hG4bK2;received=2001:db8::zz", RejectionReason.MalformedHeader, HeaderId.Via)]
    [InlineData("OPTIONS sip:[2001:db8::10] SIP/2.0", "Record-Route: <sip:[2001:db8::1::2];lr>", RejectionReason.MalformedHeader, HeaderId.RecordRoute)]
    public void Malformed_ipv6_elsewhere_is_refused_by_the_validator(string requestLine, string header, RejectionReason reason, HeaderId id)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(
            requestLine + "\r\nVia: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bKas3\r\nTo: <sip:u@example.com>\r\n" +
            "From: <sip:u@example.com>;tag=1\r\nCall-ID: v6@x\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n" + header +
            "\r\nContent-Length: 0\r\n\r\n");
        Assert.True(SipMessageParser.TryParse(bytes, out var m, out var error), error.ToString());
        Assert.Equal(new SipParseError(reason, id), SipMessageValidator.Validate(m!));
    }
}
