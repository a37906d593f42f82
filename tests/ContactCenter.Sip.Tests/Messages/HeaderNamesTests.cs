using System.Text;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Messages.TestMessages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class HeaderNamesTests
{
    [Theory]
    [InlineData("i", HeaderId.CallId)]
    [InlineData("m", HeaderId.Contact)]
    [InlineData("e", HeaderId.ContentEncoding)]
    [InlineData("l", HeaderId.ContentLength)]
    [InlineData("c", HeaderId.ContentType)]
    [InlineData("f", HeaderId.From)]
    [InlineData("s", HeaderId.Subject)]
    [InlineData("k", HeaderId.Supported)]
    [InlineData("t", HeaderId.To)]
    [InlineData("v", HeaderId.Via)]
    [InlineData("o", HeaderId.Event)]
    [InlineData("u", HeaderId.AllowEvents)]
    [InlineData("r", HeaderId.ReferTo)]
    [InlineData("b", HeaderId.ReferredBy)]
    [InlineData("x", HeaderId.SessionExpires)]
    [InlineData("y", HeaderId.Identity)]
    public void Compact_forms_map_to_their_headers_in_either_case(string compact, HeaderId id)
    {
        Assert.Equal(id, HeaderNames.Lookup(Encoding.ASCII.GetBytes(compact)));
        Assert.Equal(id, HeaderNames.Lookup(Encoding.ASCII.GetBytes(compact.ToUpperInvariant())));
    }

    [Fact]
    public void Every_known_name_is_found_in_any_case()
    {
        foreach (var id in Enum.GetValues<HeaderId>().Where(id => id != HeaderId.Other))
        {
            var name = HeaderNames.CanonicalName(id);
            Assert.Equal(id, HeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToLowerInvariant())));
            Assert.Equal(id, HeaderNames.Lookup(Encoding.ASCII.GetBytes(name.ToUpperInvariant())));
        }
        Assert.Equal(HeaderId.Other, HeaderNames.Lookup("X-Unknown"u8));
        Assert.Equal(HeaderId.Other, HeaderNames.Lookup("a"u8));
        Assert.Equal(HeaderId.Other, HeaderNames.Lookup([0xC3]));
    }

    [Theory]
    [InlineData("Content_Length")]   // '_' where the name has '-'
    [InlineData("Content\rLength")]  // a byte that OR 0x20 would turn into '-'
    [InlineData("Max-Forward5")]
    [InlineData("Call-ID ")]
    [InlineData("Vi\u00e1")]
    public void Near_misses_of_known_names_are_unknown(string name) =>
        Assert.Equal(HeaderId.Other, HeaderNames.Lookup(Encoding.Latin1.GetBytes(name)));

    [Fact]
    public void List_values_split_at_commas_outside_quotes_and_brackets_and_skip_empty_elements()
    {
        var m = Parse(Options("Contact: \"Doe, John\" <sip:j@d;x=\"a,b\">, <sip:k@d?h=1,2>\r\nSupported: a,,b ,\r\nk: c\r\n" +
                              "Subject: one, two\r\n"));
        Assert.Equal(["\"Doe, John\" <sip:j@d;x=\"a,b\">", "<sip:k@d?h=1,2>"], Vectors.VectorAssert.Values(m, HeaderId.Contact));
        Assert.Equal(["a", "b", "c"], Vectors.VectorAssert.Values(m, HeaderId.Supported));   // across lines, compact form included
        Assert.Equal(["one, two"], Vectors.VectorAssert.Values(m, HeaderId.Subject));       // not a list header
        Assert.Equal(3, m.CountValues(HeaderId.Supported));
        Assert.True(m.HasToken(HeaderId.Supported, "C"u8));
        Assert.False(m.HasToken(HeaderId.Supported, "d"u8));
    }

    [Fact]
    public void Headers_are_found_by_id_or_by_name_and_unknown_ones_are_kept_in_order()
    {
        var m = Parse(Options("X-First: 1\r\nx-second: 2\r\nX-First: 3\r\n"));
        Assert.True(m.TryGetHeader("x-first"u8, out var first));
        Assert.Equal("1", Encoding.ASCII.GetString(first.Span));
        Assert.True(m.TryGetHeader("call-id"u8, out var callId));
        Assert.Equal("a84b4c76e66710", Encoding.ASCII.GetString(callId.Span));
        Assert.True(m.TryGetHeader("i"u8, out _));
        var unknown = Enumerable.Range(0, m.HeaderCount).Select(m.HeaderAt).Where(h => h.Id == HeaderId.Other)
            .Select(h => Encoding.ASCII.GetString(m.NameOf(h)) + "=" + Encoding.ASCII.GetString(m.ValueOf(h).Span));
        Assert.Equal(["X-First=1", "x-second=2", "X-First=3"], unknown);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.HeaderAt(m.HeaderCount));
    }
}
