using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipUriTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out var uri), text);
        return uri;
    }

    [Fact]
    public void A_full_sip_uri_is_split_into_its_parts()
    {
        var uri = Parse("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent");
        Assert.Equal(UriScheme.Sips, uri.Scheme);
        Assert.Equal("alice", uri.UserString);
        Assert.Equal("secret", Encoding.ASCII.GetString(uri.Password));
        Assert.Equal("atlanta.example.com", uri.HostString);
        Assert.Equal(5061, uri.Port);
        Assert.True(uri.TryGetParameter("TRANSPORT"u8, out var transport));      // parameter names are case-insensitive
        Assert.Equal("tcp", Encoding.ASCII.GetString(transport));
        Assert.True(uri.HasParameter("lr"u8));
        Assert.Equal("subject=project%20x&priority=urgent", Encoding.ASCII.GetString(uri.Headers));
    }

    [Theory]
    [InlineData("SIP:bob@example.com", UriScheme.Sip)]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com", UriScheme.Tel)]
    [InlineData("mailto:bob@example.com", UriScheme.Other)]
    [InlineData("urn:service:sos", UriScheme.Other)]
    public void Schemes_are_recognized_case_insensitively(string text, UriScheme scheme) => Assert.Equal(scheme, Parse(text).Scheme);

    [Fact]
    public void A_tel_uri_keeps_its_number_and_parameters()
    {
        var uri = Parse("tel:+1-201-555-0123;phone-context=example.com");
        Assert.Equal("+1-201-555-0123", Encoding.ASCII.GetString(uri.User));
        Assert.True(uri.TryGetParameter("phone-context"u8, out var context));
        Assert.Equal("example.com", Encoding.ASCII.GetString(context));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData(":bob@example.com")]
    [InlineData("1sip:bob@example.com")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:bob@")]
    [InlineData("sip:bob@example.com:port")]
    [InlineData("sip:bob@example.com x")]
    [InlineData("sip:bob@exa mple.com")]
    [InlineData("sip:bob@example.com;")]
    [InlineData("sip:bob@example.com;;lr")]
    [InlineData("sip:bob@example.com?")]
    [InlineData("sip:bob@example.com<")]
    [InlineData("sip:bob@example.com\"")]
    [InlineData("sip:2001:db8::10")]
    [InlineData("tel:")]
    [InlineData("other:")]
    public void Malformed_uris_are_refused(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
