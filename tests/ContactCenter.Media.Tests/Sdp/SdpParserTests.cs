using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.SdpTestHelpers;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpParserTests
{
    [Fact]
    public void Baresip_offer_reads_every_field()
    {
        var sdp = ParseVector(SdpVectors.BaresipOffer);

        Assert.Equal(new SdpOrigin("-", "1005482764", 126135113UL, "IN", "IP4", "192.0.2.2"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        Assert.Equal(new SdpConnection("IN", "IP4", "192.0.2.2"), sdp.Connection);
        Assert.Equal([SdpTiming.Unbounded], sdp.Timings);
        Assert.Equal([new SdpAttribute("tool", "baresip 1.0.0")], sdp.Attributes);

        var audio = Assert.Single(sdp.Media);
        Assert.Equal("audio", audio.MediaType);
        Assert.Equal(20012, audio.Port);
        Assert.Null(audio.PortCount);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["0", "8", "9", "96", "101"], audio.Formats);
        Assert.Equal(
            [new SdpRtpMap(0, "PCMU", 8000), new SdpRtpMap(8, "PCMA", 8000), new SdpRtpMap(9, "G722", 8000),
             new SdpRtpMap(96, "opus", 48000, 2), new SdpRtpMap(101, "telephone-event", 8000)],
            audio.RtpMaps);
        Assert.Equal([new SdpFmtp("96", "stereo=1;sprop-stereo=1"), new SdpFmtp("101", "0-15")], audio.FormatParameters);
        Assert.Equal("0-15", audio.GetFormatParameters("101"));
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.Equal("1", audio.Label);
        Assert.Equal(20, audio.PacketTime);
        Assert.Null(audio.MaxPacketTime);
        Assert.Equal([new SdpSsrc(3515314674, "cname", "sip:1001@127.0.0.1")], audio.Ssrcs);
        Assert.False(audio.RtcpMux);
        Assert.Null(audio.Rtcp);

        // Unknown attributes stay, in order, between the known ones.
        Assert.Equal(
            ["rtpmap", "rtpmap", "rtpmap", "rtpmap", "fmtp", "rtpmap", "fmtp", "sendrecv", "label", "rtcp-rsize", "ssrc", "minptime", "ptime"],
            audio.Attributes.Select(a => a.Name));
        Assert.Null(audio.Attributes[9].Value);
    }

    [Fact]
    public void Polycom_session_level_direction_applies_to_the_stream()
    {
        var sdp = ParseVector(SdpVectors.PolycomOffer);

        Assert.Equal(SdpDirection.SendRecv, sdp.Direction);
        Assert.Null(sdp.Media[0].Direction);
        Assert.Equal(SdpDirection.SendRecv, sdp.Media[0].EffectiveDirection(sdp));
        Assert.Equal("Polycom IP Phone", sdp.SessionName);
        Assert.True(sdp.Media[0].TryGetRtpMap(127, out var te));
        Assert.Equal(new SdpRtpMap(127, "telephone-event", 8000), te);
        Assert.True(sdp.Media[0].TryGetRtpMap(102, out var g7221));
        Assert.Equal(16000, g7221.ClockRate);
    }

    [Fact]
    public void Linphone_rtcp_attribute_with_address_and_unknown_session_attributes()
    {
        var sdp = ParseVector(SdpVectors.LinphoneOffer);

        Assert.Equal(new SdpRtcp(7079, "IN", "IP4", "203.0.113.35"), sdp.Media[0].Rtcp);
        Assert.Equal("203.0.113.35", sdp.Media[0].Rtcp!.Value.IPAddress!.ToString());
        Assert.Equal("rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics", sdp.Attributes[0].Value);
        Assert.Equal(new SdpAttribute("record", "off"), sdp.Attributes[1]);
        Assert.Equal(new SdpFmtp("18", "annexb=yes"), sdp.Media[0].FormatParameters[3]);
        Assert.Equal(3, sdp.Media[0].RtpMaps.Count(m => m.EncodingName == "telephone-event"));
    }

    [Fact]
    public void WebRtc_offer_reads_media_level_connection_mid_and_rtcp_mux()
    {
        var sdp = ParseVector(SdpVectors.WebRtcOffer);

        Assert.Null(sdp.Connection);
        Assert.Equal(2, sdp.Media.Count);
        Assert.Equal("UDP/TLS/RTP/SAVPF", sdp.Media[0].Protocol);
        Assert.Equal("0.0.0.0", sdp.Media[0].Connection!.Address);
        Assert.True(sdp.Media[0].Connection!.IsUnspecified);
        Assert.True(sdp.Media[0].RtcpMux);
        Assert.Equal("0", sdp.Media[0].Mid);
        Assert.Equal("1", sdp.Media[1].Mid);
        Assert.Equal(new SdpRtcp(9, "IN", "IP4", "0.0.0.0"), sdp.Media[0].Rtcp);
        Assert.Equal(new SdpAttribute("msid-semantic", " WMS"), sdp.Attributes[1]);
    }

    [Fact]
    public void Every_session_field_multicast_forms_port_counts_and_bandwidths()
    {
        var sdp = ParseVector(SdpVectors.Rfc8866Full);

        Assert.Equal("SDP Offer #1", sdp.Information);
        Assert.Equal("http://www.jdoe.example.com/home.html", sdp.Uri);
        Assert.Equal(["Jane Doe <jane@jdoe.example.com>"], sdp.EmailAddresses);
        Assert.Equal(["+1 617 555-6011"], sdp.PhoneNumbers);
        Assert.Equal([new SdpBandwidth("CT", 128)], sdp.Bandwidths);
        var timing = Assert.Single(sdp.Timings);
        Assert.Equal((2873397496UL, 2873404696UL), (timing.Start, timing.Stop));
        Assert.Equal(["7d 1h 0 25h", "604800 3600 0 90000"], timing.Repeats);
        Assert.Equal("2882844526 -1h 2898848070 0", sdp.TimeZones);
        Assert.Equal("prompt", sdp.EncryptionKey);
        Assert.Equal(SdpDirection.RecvOnly, sdp.Direction);

        Assert.Equal("Audio line", sdp.Media[0].Information);
        Assert.Equal(new SdpConnection("IN", "IP4", "233.252.0.1", Ttl: 127), sdp.Media[0].Connection);
        Assert.Equal([new SdpBandwidth("AS", 64), new SdpBandwidth("TIAS", 64000)], sdp.Media[0].Bandwidths);
        Assert.Equal("clear:secret", sdp.Media[0].EncryptionKey);
        Assert.Equal(2, sdp.Media[2].PortCount);
        Assert.Equal(new SdpConnection("IN", "IP6", "ff15::101", AddressCount: 3), sdp.Media[2].Connection);
    }

    [Fact]
    public void Sloppy_phones_LF_only_trailing_spaces_blank_lines_missing_s_and_t()
    {
        const string sloppy = "v=0  \n\no=- 1 2 IN IP4 192.0.2.9 \n c=IN  IP4   192.0.2.9\t\n";
        Assert.Equal(SdpParseError.InvalidLine, ParseRaw(sloppy).Error);

        var sdp = ParseText("v=0  \n\no=- 1 2  IN IP4 192.0.2.9 \nc=IN  IP4   192.0.2.9\t\nm=audio 4000  RTP/AVP  0   8 \na=rtpmap:0 PCMU/8000 \na=sendonly \n\n\n");

        Assert.Null(sdp.SessionName);
        Assert.Empty(sdp.Timings);
        Assert.Equal(2UL, sdp.Origin.SessionVersion);
        Assert.Equal("192.0.2.9", sdp.Connection!.Address);
        Assert.Equal(["0", "8"], sdp.Media[0].Formats);
        Assert.Equal(new SdpAttribute("rtpmap", "0 PCMU/8000"), sdp.Media[0].Attributes[0]);
        Assert.Equal(SdpDirection.SendOnly, sdp.Media[0].Direction);
        Assert.Equal("v=0\r\no=- 1 2 IN IP4 192.0.2.9\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=sendonly\r\n", Text(sdp));
    }

    [Fact]
    public void Session_fields_in_an_unusual_order_are_accepted()
    {
        var sdp = ParseText("v=0\r\na=sendonly\r\nt=0 0\r\nc=IN IP4 192.0.2.1\r\no=x 1 1 IN IP4 192.0.2.1\r\ns=x\r\n");

        Assert.Equal("x", sdp.SessionName);
        Assert.Equal(SdpDirection.SendOnly, sdp.Direction);
    }

    [Fact]
    public void Utf8_bom_and_non_ascii_session_names_read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=Sessão de atendimento\r\nt=0 0\r\n")).ToArray();

        var result = SdpParser.Parse(bytes);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("Sessão de atendimento", result.Description!.SessionName);
    }

    [Fact]
    public void Typed_views_ignore_malformed_values_instead_of_failing()
    {
        var sdp = ParseText("""
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=audio 4000 RTP/AVP 0 96 97
            a=rtpmap:96
            a=rtpmap:97 opus/x
            a=rtpmap:300 foo/8000
            a=rtpmap:0 PCMU/8000/0
            a=ptime:abc
            a=maxptime:0
            a=rtcp:99999
            a=ssrc:notanumber cname:x
            a=fmtp:
            """.ReplaceLineEndings("\r\n"));
        var audio = sdp.Media[0];

        Assert.Empty(audio.RtpMaps);
        Assert.Null(audio.PacketTime);
        Assert.Null(audio.MaxPacketTime);
        Assert.Null(audio.Rtcp);
        Assert.Empty(audio.Ssrcs);
        Assert.Empty(audio.FormatParameters);
        Assert.Equal(9, audio.Attributes.Count);
    }

    [Theory]
    [InlineData("20", 20)]
    [InlineData("20.0", 20)]
    [InlineData("30.5", 31)]
    [InlineData(" 40 ", 40)]
    public void Packet_time_reads_integers_and_decimals(string value, int expected)
    {
        var sdp = ParseText($"v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=ptime:{value}\r\n");

        Assert.Equal(expected, sdp.Media[0].PacketTime);
    }

    [Theory]
    [InlineData("", SdpParseError.Empty)]
    [InlineData("\r\n\r\n  \r\n", SdpParseError.Empty)]
    [InlineData("o=- 1 1 IN IP4 192.0.2.1\r\n", SdpParseError.MissingVersion)]
    [InlineData("v=1\r\n", SdpParseError.UnsupportedVersion)]
    [InlineData("v=0\r\ns=-\r\n", SdpParseError.MissingOrigin)]
    [InlineData("v=0\r\nv=0\r\n", SdpParseError.DuplicateField)]
    [InlineData("v=0\r\nhello\r\n", SdpParseError.InvalidLine)]
    [InlineData("v=0\r\nA=b\r\n", SdpParseError.InvalidLine)]
    [InlineData("v=0\r\ns=a\0b\r\n", SdpParseError.InvalidLine)]
    [InlineData("v=0\r\ns=a\rb\r\n", SdpParseError.InvalidLine)]
    [InlineData("v=0\r\nw=unknown\r\n", SdpParseError.UnknownLineType)]
    [InlineData("v=0\r\no=- 1 IN IP4 192.0.2.1\r\n", SdpParseError.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 192.0.2.1 extra\r\n", SdpParseError.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 18446744073709551616 IN IP4 192.0.2.1\r\n", SdpParseError.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 -1 IN IP4 192.0.2.1\r\n", SdpParseError.InvalidOrigin)]
    [InlineData("v=0\r\no=- 1 1 IN IP4 a\r\no=- 1 1 IN IP4 a\r\n", SdpParseError.DuplicateField)]
    [InlineData("v=0\r\ns=a\r\ns=b\r\n", SdpParseError.DuplicateField)]
    [InlineData("v=0\r\nc=IN IP4\r\n", SdpParseError.InvalidConnection)]
    [InlineData("v=0\r\nc=IN IP4 224.2.1.1/300\r\n", SdpParseError.InvalidConnection)]
    [InlineData("v=0\r\nc=IN IP4 224.2.1.1/127/0\r\n", SdpParseError.InvalidConnection)]
    [InlineData("v=0\r\nc=IN IP6 ff15::1/1/2\r\n", SdpParseError.InvalidConnection)]
    [InlineData("v=0\r\nc=IN IP4 192.0.2.1\r\nc=IN IP4 192.0.2.1\r\n", SdpParseError.DuplicateField)]
    [InlineData("v=0\r\nb=AS\r\n", SdpParseError.InvalidBandwidth)]
    [InlineData("v=0\r\nb=AS:-5\r\n", SdpParseError.InvalidBandwidth)]
    [InlineData("v=0\r\nb=AS:99999999999999999999999\r\n", SdpParseError.InvalidBandwidth)]
    [InlineData("v=0\r\nt=0\r\n", SdpParseError.InvalidTiming)]
    [InlineData("v=0\r\nt=0 x\r\n", SdpParseError.InvalidTiming)]
    [InlineData("v=0\r\nr=7d 1h 0 25h\r\n", SdpParseError.InvalidTiming)]
    [InlineData("v=0\r\nm=audio 4000\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio 65536 RTP/AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio 99999999999999999999999 RTP/AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio 4000/0 RTP/AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio -4000 RTP/AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio 4000 RTP//AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=au:dio 4000 RTP/AVP 0\r\n", SdpParseError.InvalidMediaLine)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", SdpParseError.MisplacedField)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\no=- 1 1 IN IP4 a\r\n", SdpParseError.MisplacedField)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\ni=a\r\ni=b\r\n", SdpParseError.DuplicateField)]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP 0\r\nx=y\r\n", SdpParseError.UnknownLineType)]
    [InlineData("v=0\r\na=\r\n", SdpParseError.InvalidAttribute)]
    [InlineData("v=0\r\na=bad name:x\r\n", SdpParseError.InvalidAttribute)]
    [InlineData("v=0\r\na=:value\r\n", SdpParseError.InvalidAttribute)]
    public void Malformed_descriptions_give_a_typed_error(string text, SdpParseError expected)
    {
        var result = ParseRaw(text);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Description);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrEmpty(result.Message));
    }

    [Fact]
    public void Errors_name_the_line()
    {
        var result = ParseRaw("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nm=audio 70000 RTP/AVP 0\r\n");

        Assert.Equal(SdpParseError.InvalidMediaLine, result.Error);
        Assert.Equal(4, result.LineNumber);
        Assert.Contains("70000", result.Message);
        Assert.StartsWith("InvalidMediaLine at line 4", result.ToString());
    }

    [Fact]
    public void TryParse_reports_the_same_as_Parse()
    {
        Assert.True(SdpParser.TryParse(SdpVectors.Bytes(SdpVectors.SippUacOffer), out var description, out _));
        Assert.Equal("user1", description.Origin.UserName);
        Assert.False(SdpParser.TryParse("v=1\r\n"u8, out var none, out var result));
        Assert.Null(none);
        Assert.Equal(SdpParseError.UnsupportedVersion, result.Error);
    }
}
