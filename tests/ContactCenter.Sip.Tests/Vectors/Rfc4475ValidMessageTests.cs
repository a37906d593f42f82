using System.Text;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Vectors.VectorAssert;

namespace ContactCenter.Sip.Tests.Vectors;

/// <summary>RFC 4475 §3.1.1: the valid messages, and what each one must be read as.</summary>
public sealed class Rfc4475ValidMessageTests
{
    [Fact]
    public void Wsinv_reads_folded_values_odd_spacing_and_mixed_case_names()
    {
        var m = Parses(TortureVectors.Rfc4475("wsinv"));
        Assert.Equal(SipMethod.Invite, m.Method);
        var uri = m.RequestUri;
        Assert.Equal("vivekg", uri.UserString);
        Assert.Equal("chair-dnrc.example.com", uri.HostString);
        Assert.True(uri.HasParameter("unknownparam"u8));
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallIdString);
        Assert.Equal(9u, m.CSeq);                                   // "0009\r\n  INVITE", folded
        Assert.Equal(SipMethod.Invite, m.CSeqMethod);
        Assert.Equal(68, m.MaxForwards);                            // "0068"
        Assert.Equal("1918181833n", Text(m.ToTag));                 // "tag    = 1918181833n" after a folded To
        Assert.Equal("98asjd8", Text(m.FromTag));                   // ";\r\n  tag = 98asjd8"
        Assert.Equal("J Rosenberg \\\"", Address(m, HeaderId.From).DisplayName);
        Assert.Equal("390skdjuw", Text(m.Branch));
        Assert.False(m.HasRfc3261Branch);
        Assert.Equal(150, m.ContentLength);
        Assert.Equal(150, m.Body.Length);
        Assert.StartsWith("v=0\r\n", Text(m.Body));

        var vias = Vias(m);
        Assert.Equal(3, vias.Count);
        Assert.Equal(SipTransportKind.Udp, vias[0].Transport);
        Assert.Equal("192.0.2.2", Text(vias[0].Host));
        Assert.Equal(SipTransportKind.Tcp, vias[1].Transport);
        Assert.Equal("spindle.example.com", Text(vias[1].Host));
        Assert.Equal("z9hG4bK9ikj8", Text(vias[1].Branch));
        Assert.Equal("192.168.255.111", Text(vias[2].Host));
        Assert.Equal("z9hG4bK30239", Text(vias[2].Branch));          // "branch=\r\n z9hG4bK30239"

        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.True(contact.TryGetParameter("newparam"u8, out var newparam));
        Assert.Equal("newvalue", Text(newparam));
        Assert.True(contact.TryGetParameter("secondparam"u8, out _));
        Assert.True(contact.TryGetParameter("q"u8, out var q));
        Assert.Equal("0.33", Text(q));

        Assert.True(m.TryGetHeader(HeaderId.Subject, out var subject)); // "s :" with nothing after it
        Assert.True(subject.IsEmpty);
        var newFangled = Header(m, "NewFangledHeader");
        Assert.StartsWith("newfangled value", newFangled);
        Assert.EndsWith(" continued newfangled value", newFangled);
        Assert.DoesNotContain('\r', newFangled);
        Assert.Equal(";;,,;;,;", Header(m, "UnknownHeaderWithUnusualValue"));
        Assert.Equal(["<sip:services.example.com;lr;unknownwith=value;unknown-no-value>"], Values(m, HeaderId.Route));
        Assert.Equal(14, m.HeaderCount);
    }

    [Fact]
    public void Intmeth_keeps_an_unknown_method_and_every_legal_character()
    {
        var m = Parses(TortureVectors.Rfc4475("intmeth"));
        const string method = "!interesting-Method0123456789_*+`.%indeed'~";
        Assert.Equal(SipMethod.Unknown, m.Method);
        Assert.Equal(method, Text(m.MethodName));
        Assert.Equal(method, Text(m.CSeqMethodName));
        Assert.Equal(139122385u, m.CSeq);
        Assert.Equal(255, m.MaxForwards);
        var uri = m.RequestUri;
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", Text(uri.User));
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", Text(uri.Password));
        Assert.Equal("example.com", uri.HostString);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallIdString);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", Text(m.Branch));
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007f", Address(m, HeaderId.To).DisplayName);
        var from = Address(m, HeaderId.From);
        Assert.Equal("token1~` token2'+_ token3*%!.-", Text(from.DisplayNameRaw));
        Assert.Equal("_token~1'+`*%!-.", Text(m.FromTag));
        Assert.True(from.TryGetParameter("fromParam''~+*_!.-%"u8, out var fromParam));
        Assert.Equal("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"", Text(fromParam));
        Assert.Equal("\ufeff\u5927\u505c\u96fb", Header(m, "extensionHeader-!.%*+_`'~"));
        Assert.True(m.Body.IsEmpty);
    }

    [Fact]
    public void Esc01_decodes_escapes_in_user_parts()
    {
        var m = Parses(TortureVectors.Rfc4475("esc01"));
        Assert.Equal("sips%3Auser%40example.com", Text(m.RequestUri.User));
        Assert.Equal("sips:user@example.com", m.RequestUri.UserString);
        Assert.Equal("example.net", m.RequestUri.HostString);
        Assert.Equal("user", Address(m, HeaderId.To).Uri.UserString);
        Assert.Equal("I have spaces", Address(m, HeaderId.From).Uri.UserString);
        var contact = Assert.Single(Addresses(m, HeaderId.Contact));
        Assert.Equal("caller", contact.Uri.UserString);
        Assert.True(contact.Uri.TryGetParameter("n%61me"u8, out var name));
        Assert.Equal("value%41", SipEscaping.Unescape(name));
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", m.CallIdString);  // compact "i"
        Assert.Equal("application/sdp", m.GetHeaderString(HeaderId.ContentType)); // compact "C"
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Escnull_decodes_escaped_nulls()
    {
        var m = Parses(TortureVectors.Rfc4475("escnull"));
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal("null-\0-null", Address(m, HeaderId.To).Uri.UserString);
        Assert.Equal("null-\0-null", Address(m, HeaderId.From).Uri.UserString);
        Assert.Equal("839923423", Text(m.FromTag));
        var contacts = Addresses(m, HeaderId.Contact);
        Assert.Equal(["\0", "\0\0"], contacts.Select(c => c.Uri.UserString));
        Assert.Equal(0, m.ContentLength);                                  // "L:0"
    }

    [Fact]
    public void Esc02_does_not_unescape_methods_header_names_or_display_names()
    {
        var m = Parses(TortureVectors.Rfc4475("esc02"));
        Assert.Equal(SipMethod.Unknown, m.Method);                         // RE%47IST%45R is not REGISTER
        Assert.Equal("RE%47IST%45R", Text(m.MethodName));
        Assert.Equal("RE%47IST%45R", Text(m.CSeqMethodName));
        Assert.Equal("%Z%45", Address(m, HeaderId.To).DisplayName);
        Assert.Equal("z9hG4bK209%fzsnel234", Text(m.Branch));
        Assert.Equal(2, m.CountValues(HeaderId.Contact));                  // C%6Fntact is another header
        Assert.Equal("<sip:alias2@host2.example.com>", Header(m, "C%6Fntact"));
    }

    [Fact]
    public void Lwsdisp_reads_a_display_name_without_space_before_the_bracket()
    {
        var m = Parses(TortureVectors.Rfc4475("lwsdisp"));
        var from = Address(m, HeaderId.From);
        Assert.Equal("caller", from.DisplayName);
        Assert.Equal("caller", from.Uri.UserString);
        Assert.Equal("323", Text(m.FromTag));
        Assert.Equal(SipMethod.Options, m.Method);
    }

    [Fact]
    public void Longreq_keeps_long_values_and_34_vias()
    {
        var bytes = TortureVectors.Rfc4475("longreq");
        var m = Parses(bytes);
        Assert.Equal(bytes.Length, m.Raw.Length);
        var to = Address(m, HeaderId.To);
        Assert.Equal("I have a user name of " + string.Concat(Enumerable.Repeat("extreme", 10)) + " proportion", to.DisplayName);
        Assert.Equal(6000, to.Uri.Port);
        Assert.True(to.Uri.TryGetParameter(Encoding.ASCII.GetBytes("longparam" + string.Concat(Enumerable.Repeat("name", 25))), out var shortValue));
        Assert.Equal("shortvalue", Text(shortValue));
        Assert.StartsWith("1298298298", Text(m.FromTag));
        Assert.EndsWith("982424", Text(m.FromTag));
        var vias = Vias(m);
        Assert.Equal(34, vias.Count);
        Assert.Equal("sip33.example.com", Text(vias[0].Host));
        Assert.True(m.Branch.IsEmpty);                                      // the top Via has no branch
        Assert.Equal("192.0.2.5", Text(vias[^1].Received));
        Assert.StartsWith("verylong", Text(vias[^1].Branch));
        Assert.Equal(150, m.Body.Length);
        Assert.Equal(70, m.MaxForwards);
    }

    [Fact]
    public void Dblreq_parses_the_first_message_and_ignores_the_trailing_octets()
    {
        var bytes = TortureVectors.Rfc4475("dblreq");
        var m = Parses(bytes);
        Assert.Equal(SipMethod.Register, m.Method);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallIdString);
        Assert.Equal(0, m.ContentLength);
        Assert.True(m.Body.IsEmpty);
        int end = bytes.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        Assert.True(end < bytes.Length);
        Assert.True(m.Raw.Span.SequenceEqual(bytes.AsSpan(0, end)));      // nothing of the INVITE after it
        Assert.DoesNotContain("INVITE", m.ToString());
    }

    [Fact]
    public void Semiuri_keeps_semicolons_of_the_user_part_out_of_the_uri_parameters()
    {
        var m = Parses(TortureVectors.Rfc4475("semiuri"));
        var uri = m.RequestUri;
        Assert.Equal("user;par=u%40example.net", Text(uri.User));
        Assert.Equal("user;par=u@example.net", uri.UserString);
        Assert.Equal("example.com", uri.HostString);
        Assert.True(uri.Parameters.IsEmpty);
        Assert.Equal(
            ["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"],
            Values(m, HeaderId.Accept));
    }

    [Fact]
    public void Transports_reads_every_via_transport_including_an_unknown_one()
    {
        var m = Parses(TortureVectors.Rfc4475("transports"));
        var vias = Vias(m);
        Assert.Equal(
            [SipTransportKind.Udp, SipTransportKind.Sctp, SipTransportKind.Tls, SipTransportKind.Other, SipTransportKind.Tcp],
            vias.Select(v => v.Transport));
        Assert.Equal("UNKNOWN", Text(vias[3].TransportName));
        Assert.Equal(["t1.example.com", "t2.example.com", "t3.example.com", "t4.example.com", "t5.example.com"],
            vias.Select(v => Text(v.Host)));
        Assert.Equal("z9hG4bKkdjuw", Text(m.Branch));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", m.CallIdString);
    }

    [Fact]
    public void Mpart01_carries_its_binary_multipart_body_whole()
    {
        var m = Parses(TortureVectors.Rfc4475("mpart01"));
        Assert.Equal(SipMethod.Message, m.Method);
        Assert.Equal(553, m.ContentLength);
        Assert.Equal(553, m.Body.Length);
        Assert.True(m.Body.Span.StartsWith("--7a9cbec02ceef655\r\n"u8));
        Assert.True(m.Body.Span.EndsWith("--7a9cbec02ceef655--\r\n"u8));
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", m.GetHeaderString(HeaderId.ContentType));
        Assert.True(m.HasRfc3261Branch);
        Assert.True(m.TopVia.HasRPort);
        Assert.Equal(0, m.TopVia.RPort);
        Assert.Equal("3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..", m.CallIdString);
    }

    [Fact]
    public void Unreason_keeps_a_utf8_reason_phrase()
    {
        var m = Parses(TortureVectors.Rfc4475("unreason"));
        Assert.True(m.IsResponse);
        Assert.Equal(200, m.StatusCode);
        Assert.Equal("= 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e " +
                     "\u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435", Text(m.ReasonPhrase));
        Assert.Equal(SipMethod.Invite, m.Method);
        Assert.Equal(35u, m.CSeq);
        Assert.Equal("2229", Text(m.ToTag));
        Assert.Equal(154, m.Body.Length);
    }

    [Fact]
    public void Noreason_has_an_empty_reason_phrase()
    {
        var m = Parses(TortureVectors.Rfc4475("noreason"));
        Assert.Equal(100, m.StatusCode);
        Assert.True(m.ReasonPhrase.IsEmpty);
        Assert.Equal("902jndnke3", Text(m.ToTag));
        Assert.Equal("z9hG4bK2398ndaoe", Text(m.Branch));
    }
}
