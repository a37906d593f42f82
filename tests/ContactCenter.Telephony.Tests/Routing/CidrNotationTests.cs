using System.Net;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class CidrNotationTests
{
    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.0", 24)]
    [InlineData("198.51.100.7", "198.51.100.7", 32)]
    [InlineData("0.0.0.0/0", "0.0.0.0", 0)]
    [InlineData("2001:db8::/32", "2001:db8::", 32)]
    [InlineData(" 2001:db8::1 ", "2001:db8::1", 128)]
    public void Valid_networks_parse(string text, string address, int prefix)
    {
        Assert.True(CidrNotation.TryParse(text, out var network, out var error));
        Assert.Null(error);
        Assert.Equal(IPAddress.Parse(address), network.BaseAddress);
        Assert.Equal(prefix, network.PrefixLength);
    }

    [Theory]
    [InlineData("203.0.113.5/24", "has host bits set; the network is 203.0.113.0/24")]
    [InlineData("2001:db8::1/32", "has host bits set; the network is 2001:db8::/32")]
    [InlineData("10.0.0.0/33", "prefix length that is not 0..32")]
    [InlineData("2001:db8::/129", "prefix length that is not 0..128")]
    [InlineData("10.0.0.0/-1", "prefix length")]
    [InlineData("10.0.0.0/", "prefix length")]
    [InlineData("carrier.example", "is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("", "is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("fe80::1%eth0", "is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("10/8", "is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("0x0A.0.0.0/8", "is not an IPv4 or IPv6 address or CIDR")]
    [InlineData("::ffff:10.0.0.1", "IPv4-mapped")]
    public void Invalid_networks_say_why(string text, string expected)
    {
        Assert.False(CidrNotation.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
