using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class NameAddressTests
{
    private static NameAddress Parse(string text)
    {
        Assert.True(NameAddress.TryParse(Encoding.UTF8.GetBytes(text), out var address), text);
        return address;
    }

    [Theory]
    [InlineData("\"Alice A.\" <sip:alice@example.com>;tag=9fxced76sl", "Alice A.", "9fxced76sl")]
    [InlineData("Alice Smith <sip:alice@example.com>;tag=1", "Alice Smith", "1")]
    [InlineData("<sip:alice@example.com>;tag=x", "", "x")]
    [InlineData("sip:alice@example.com;tag=x", "", "x")]
    [InlineData("\"\" <sip:alice@example.com>", "", "")]
    [InlineData("\"quote \\\" and backslash \\\\\" <sip:a@b>", "quote \" and backslash \\", "")]
    [InlineData("\"\u00e9l\u00e8ve\" <sip:a@b>", "\u00e9l\u00e8ve", "")]
    public void Display_names_and_tags_are_read(string text, string displayName, string tag)
    {
        var address = Parse(text);
        Assert.Equal(displayName, address.DisplayName);
        Assert.Equal(tag, Encoding.ASCII.GetString(address.Tag));
        Assert.Equal(UriScheme.Sip, address.Uri.Scheme);
    }

    [Fact]
    public void In_addr_spec_form_every_parameter_is_the_headers()
    {
        var address = Parse("sip:alice@example.com;transport=tcp;expires=60");
        Assert.False(address.HasAngleBrackets);
        Assert.True(address.Uri.Parameters.IsEmpty);
        Assert.True(address.TryGetParameter("transport"u8, out _));
        Assert.True(address.TryGetParameter("expires"u8, out var expires));
        Assert.Equal("60", Encoding.ASCII.GetString(expires));
    }

    [Fact]
    public void In_name_addr_form_the_uri_keeps_its_parameters_and_headers()
    {
        var address = Parse("<sip:alice@example.com;transport=tcp?Subject=hi>;expires=60");
        Assert.True(address.HasAngleBrackets);
        Assert.True(address.Uri.HasParameter("transport"u8));
        Assert.True(address.Uri.HasHeaders);
        Assert.False(address.TryGetParameter("transport"u8, out _));
        Assert.True(address.TryGetParameter("expires"u8, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"unterminated <sip:a@b>")]
    [InlineData("Bell, Alexander <sip:a@b>")]          // a comma needs quotes (RFC 4475 §3.1.2.15)
    [InlineData("< sip:a@b >")]                          // no LWS inside the brackets (§3.1.2.14)
    [InlineData("<sip:a@b")]
    [InlineData("<sip:a@b> junk")]
    [InlineData("<sip:a@b>;;")]
    [InlineData("sip:a@b?Route=x")]                      // addr-spec may not hold '?' (§3.1.2.13)
    [InlineData("\"name\" sip:a@b")]
    public void Malformed_values_are_refused(string text) => Assert.False(NameAddress.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
