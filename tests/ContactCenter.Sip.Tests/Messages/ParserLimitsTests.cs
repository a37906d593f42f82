using System.Text;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Messages.TestMessages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class ParserLimitsTests
{
    private static string Filler(int lines) =>
        string.Concat(Enumerable.Range(0, lines).Select(i => $"X-Filler-{i}: {i}\r\n"));

    [Fact]
    public void The_header_count_limit_is_inclusive()
    {
        const int routingHeaders = 7; // the six header lines of OptionsHead and Content-Length
        var atLimit = Parse(Options(Filler(SipLimits.MaxHeaderCount - routingHeaders)));
        Assert.Equal(SipLimits.MaxHeaderCount, atLimit.HeaderCount);

        Assert.False(SipMessageParser.TryParse(Options(Filler(SipLimits.MaxHeaderCount - routingHeaders + 1)), out var m, out var error));
        Assert.Null(m);
        Assert.Equal(RejectionReason.TooManyHeaders, error.Reason);
        Assert.Equal(513, error.StatusCode);
    }

    [Fact]
    public void A_message_of_exactly_the_size_limit_is_accepted_and_one_byte_more_is_not()
    {
        int bodyLength = SipLimits.MaxMessageSize - Options(body: "").Length - 4; // "0" becomes five digits
        var body = new string('x', bodyLength);
        var exact = Options(body: body);
        Assert.Equal(SipLimits.MaxMessageSize, exact.Length);
        Assert.Equal(bodyLength, Parse(exact).Body.Length);

        var over = Options(body: body + "y");
        Assert.False(SipMessageParser.TryParse(over, out _, out var error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
    }

    [Fact]
    public void A_datagram_body_without_content_length_may_not_run_past_the_limit()
    {
        var head = Encoding.ASCII.GetBytes(OptionsHead + "\r\n");
        var datagram = head.Concat(new byte[SipLimits.MaxMessageSize]).ToArray();
        Assert.False(SipMessageParser.TryParse(datagram, out _, out var error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
    }

    [Fact]
    public void A_header_section_past_the_limit_is_refused()
    {
        var huge = Options("X-Big: " + new string('a', SipLimits.MaxMessageSize) + "\r\n");
        Assert.False(SipMessageParser.TryParse(huge, out _, out var error));
        Assert.Equal(RejectionReason.MessageTooLarge, error.Reason);
    }

    [Fact]
    public void Leading_empty_lines_before_the_start_line_are_ignored()
    {
        var m = Parse(Encoding.ASCII.GetBytes("\r\n\r\n").Concat(Options()).ToArray());
        Assert.Equal(SipMethod.Options, m.Method);
        Assert.True(m.Raw.Span.StartsWith("OPTIONS"u8));
    }

    [Fact]
    public void A_datagram_ending_after_its_last_header_line_has_an_empty_body()
    {
        var text = OptionsHead;
        var m = Parse(Encoding.ASCII.GetBytes(text));
        Assert.Equal(6, m.HeaderCount);
        Assert.True(m.Body.IsEmpty);

        Assert.False(SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text.TrimEnd()), out _, out var error));
        Assert.Equal(RejectionReason.InvalidHeaderLine, error.Reason);
    }

    [Theory]
    [InlineData("NoColonHere\r\n")]
    [InlineData(": no name\r\n")]
    [InlineData("Bad Name: value\r\n")]
    [InlineData("Bad\u0001Name: value\r\n")]
    public void A_line_that_is_no_header_is_refused_but_the_rest_still_routes_a_400(string line)
    {
        Assert.False(SipMessageParser.TryParse(Options(line), out var m, out var error));
        Assert.Equal(RejectionReason.InvalidHeaderLine, error.Reason);
        Assert.Equal(400, error.StatusCode);
        Assert.NotNull(m);
        Assert.Equal("z9hG4bKnashds8", Encoding.ASCII.GetString(m!.Branch.Span));
        Assert.Equal("a84b4c76e66710", m.CallIdString);
    }

    [Theory]
    [InlineData("Max-Forwards", "256")]
    [InlineData("CSeq", "2147483648 OPTIONS")]
    [InlineData("CSeq", "1OPTIONS")]
    [InlineData("Call-ID", "has space")]
    [InlineData("Call-ID", "a@b@c")]
    [InlineData("Content-Length", "12a")]
    [InlineData("To", "<sip:bob@example.com")]
    public void Malformed_routing_headers_are_named_in_the_error(string name, string value)
    {
        var text = Encoding.ASCII.GetString(Options()).Replace("\r\n" + name + ":", "\r\n" + name + ": " + value + "\r\nX-Old:");
        Assert.False(SipMessageParser.TryParse(Encoding.ASCII.GetBytes(text), out _, out var error));
        var expected = name == "Content-Length" ? RejectionReason.InvalidContentLength : RejectionReason.MalformedHeader;
        Assert.Equal(expected, error.Reason);
        Assert.Equal(HeaderNames.Lookup(Encoding.ASCII.GetBytes(name)), error.Header);
        Assert.Contains(name, error.ReasonPhrase);
    }

    [Theory]
    [InlineData("SIP/2.0 200\r\n", 200, "")]
    [InlineData("SIP/2.0 699 Custom Phrase\r\n", 699, "Custom Phrase")]
    [InlineData("sip/2.0 180 Ringing\r\n", 180, "Ringing")]
    public void Status_lines_are_read(string statusLine, int code, string reason)
    {
        var m = Parse(Encoding.ASCII.GetBytes(statusLine + OptionsHead[OptionsHead.IndexOf("Via", StringComparison.Ordinal)..] + "\r\n"));
        Assert.True(m.IsResponse);
        Assert.Equal(code, m.StatusCode);
        Assert.Equal(reason, Encoding.ASCII.GetString(m.ReasonPhrase.Span));
        Assert.Equal(SipMethod.Options, m.Method);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Low\r\n", RejectionReason.InvalidStatusCode)]
    [InlineData("SIP/2.0 700 High\r\n", RejectionReason.InvalidStatusCode)]
    [InlineData("SIP/2.0 20x OK\r\n", RejectionReason.InvalidStatusCode)]
    [InlineData("SIP/3.0 200 OK\r\n", RejectionReason.UnsupportedVersion)]
    [InlineData("SIP/2 200 OK\r\n", RejectionReason.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@example.com\r\n", RejectionReason.InvalidStartLine)]
    [InlineData("OPTIONS sip:bob@example.com HTTP/1.1\r\n", RejectionReason.InvalidStartLine)]
    [InlineData("OPT<IONS sip:bob@example.com SIP/2.0\r\n", RejectionReason.InvalidStartLine)]
    public void Bad_start_lines_are_refused(string startLine, RejectionReason reason)
    {
        var bytes = Encoding.ASCII.GetBytes(startLine + OptionsHead[OptionsHead.IndexOf("Via", StringComparison.Ordinal)..] + "\r\n");
        Assert.False(SipMessageParser.TryParse(bytes, out _, out var error));
        Assert.Equal(reason, error.Reason);
    }
}
