using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class ViaHeaderTests
{
    [Fact]
    public void Sent_protocol_sent_by_and_routing_parameters_are_read()
    {
        Assert.True(ViaHeader.TryParse(Encoding.ASCII.GetBytes(
            "SIP / 2.0 / TLS [2001:db8::1]:5061 ; branch = z9hG4bKabc ; received=192.0.2.7;rport=5062;maddr=224.2.0.1;ttl=16"), out var via));
        Assert.Equal(SipTransportKind.Tls, via.Transport);
        Assert.Equal("[2001:db8::1]", Encoding.ASCII.GetString(via.Host));
        Assert.Equal(5061, via.Port);
        Assert.Equal("z9hG4bKabc", Encoding.ASCII.GetString(via.Branch));
        Assert.Equal("192.0.2.7", Encoding.ASCII.GetString(via.Received));
        Assert.True(via.HasRPort);
        Assert.Equal(5062, via.RPort);
        Assert.Equal("224.2.0.1", Encoding.ASCII.GetString(via.Maddr));
    }

    [Theory]
    [InlineData("SIP/2.0/UDP host")]
    [InlineData("sip/2.0/udp host:5060;branch=z9hG4bK1")]
    [InlineData("SIP/2.0/WSS host;rport")]
    public void Valid_vias_parse(string text) => Assert.True(ViaHeader.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDPhost")]
    [InlineData("SIP/1.0/UDP host")]
    [InlineData("HTTP/2.0/UDP host")]
    [InlineData("SIP/2.0 host")]
    [InlineData("SIP/2.0/UDP host;")]
    [InlineData("SIP/2.0/UDP host;;branch=1")]
    [InlineData("SIP/2.0/UDP host junk")]
    [InlineData("SIP/2.0/UDP host:99999")]
    public void Malformed_vias_are_refused(string text) => Assert.False(ViaHeader.TryParse(Encoding.ASCII.GetBytes(text), out _));
}
