using System.Net;
using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipHostPortTests
{
    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("2001:db8::9:1")]
    [InlineData("2001:db8::10:5070")]
    [InlineData("2001:DB8:0:0:8:800:200C:417A")]
    [InlineData("1:2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7::")]
    [InlineData("::ffff:192.0.2.2")]
    [InlineData("0:0:0:0:0:FFFF:129.144.52.38")]
    [InlineData("2001:db8::192.0.2.1")]
    public void Ipv6_addresses_of_rfc_4291_are_accepted(string address)
    {
        Assert.True(SipHostPort.IsIpv6Address(Encoding.ASCII.GetBytes(address)));
        Assert.True(IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
    }

    [Theory]
    [InlineData("2001:db8:::192.0.2.1")]  // RFC 5118 §4.10
    [InlineData(":::192.0.2.1")]
    public void Three_colons_are_tolerated_only_before_an_embedded_ipv4_address(string address) =>
        Assert.True(SipHostPort.IsIpv6Address(Encoding.ASCII.GetBytes(address)));

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData(":::")]
    [InlineData("1")]
    [InlineData("2001:db8:::10")]
    [InlineData("2001:db8::::192.0.2.1")]
    [InlineData("2001:db8::1:::192.0.2.1")]
    [InlineData("1::2::3")]
    [InlineData("12345::1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("2001:db8::1:")]
    [InlineData(":2001:db8::1")]
    [InlineData("2001:db8::g")]
    [InlineData("::ffff:192.0.2.256")]
    [InlineData("::ffff:192.0.2")]
    [InlineData("1:2:3:4:5:6:7:192.0.2.1")]
    [InlineData("192.0.2.1")]
    public void Anything_else_is_not_an_ipv6_address(string address) =>
        Assert.False(SipHostPort.IsIpv6Address(Encoding.ASCII.GetBytes(address)));

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("256.0.0.1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("1..2.3", false)]
    [InlineData("1.2.3.4 ", false)]
    [InlineData("0001.2.3.4", false)]
    public void Ipv4_addresses_are_dotted_quads(string address, bool valid) =>
        Assert.Equal(valid, SipHostPort.IsIpv4Address(Encoding.ASCII.GetBytes(address)));

    [Theory]
    [InlineData("[2001:db8::1]", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("192.0.2.1", true)]
    [InlineData("[192.0.2.1]", false)]
    [InlineData("example.com", false)]
    public void Received_takes_an_address_with_or_without_brackets(string value, bool valid) =>
        Assert.Equal(valid, SipHostPort.IsIpAddress(Encoding.ASCII.GetBytes(value)));

    [Theory]
    [InlineData("example.com", "example.com", 0)]
    [InlineData("example.com:5060", "example.com", 5060)]
    [InlineData("[::1]:5061", "[::1]", 5061)]
    [InlineData("[2001:db8::10:5070]", "[2001:db8::10:5070]", 0)]
    [InlineData("192.0.2.1:0", "192.0.2.1", 0)]
    public void Host_and_port_are_read(string text, string host, int port)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        int i = 0;
        Assert.True(SipHostPort.TryRead(bytes, ref i, out var range, out int p));
        Assert.Equal(host, Encoding.ASCII.GetString(range.Slice(bytes)));
        Assert.Equal(port, p);
        Assert.Equal(bytes.Length, i);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":5060")]
    [InlineData("example.com:")]
    [InlineData("example.com:65536")]
    [InlineData("[::1")]
    [InlineData("[]")]
    public void Bad_host_ports_are_refused(string text)
    {
        int i = 0;
        Assert.False(SipHostPort.TryRead(Encoding.ASCII.GetBytes(text), ref i, out _, out _));
    }
}
