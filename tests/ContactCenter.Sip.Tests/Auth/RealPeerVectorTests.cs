using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

/// <summary>
/// Authorization values captured from the Debian 12 peers the project tests against, answering a sipp UAS
/// that challenged REGISTER sip:example.com with realm "example.com", a fixed nonce and qop="auth"
/// (user 1001, password "secret"). They pin the parser and hash to what real clients send.
/// </summary>
public class RealPeerVectorTests
{
    private const string Nonce = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Theory]
    // sipp 3.6.1: no spaces, signs sip:remote_ip:port (not the Request-URI), fixed cnonce.
    [InlineData("Digest username=\"1001\",realm=\"example.com\",cnonce=\"6b8b4567\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:57362\","
        + "nonce=\"" + Nonce + "\",response=\"72b5dc8a37e0f1bddd404a60fba30fe2\",algorithm=MD5", "sip:127.0.0.1:57362")]
    [InlineData("Digest username=\"1001\",realm=\"example.com\",cnonce=\"6b8b4567\",nc=00000001,qop=auth,uri=\"sip:127.0.0.1:34521\","
        + "nonce=\"" + Nonce + "\",response=\"e63b217a132c5a2de1dee58c76b6c783\",algorithm=MD5", "sip:127.0.0.1:34521")]
    // baresip 1.0.0 (libre 1.1.0): signs the Request-URI, sends no algorithm.
    [InlineData("Digest username=\"1001\", realm=\"example.com\", nonce=\"" + Nonce + "\", uri=\"sip:example.com;transport=udp\", "
        + "response=\"0117f650b9e285e9befa09093595262a\", cnonce=\"e89c87e23fc1029d\", qop=auth, nc=00000001", "sip:example.com;transport=udp")]
    public void Captured_authorizations_parse_and_verify(string authorization, string signedUri)
    {
        Assert.True(DigestCredentialsParser.TryParse(Encoding.ASCII.GetBytes(authorization), out DigestCredentials c, out DigestParseError error), error.ToString());
        Assert.True(DigestAlgorithms.TryParse(c.Algorithm.Raw, out DigestAlgorithm algorithm));
        Assert.Equal(DigestAlgorithm.Md5, algorithm);
        Assert.Equal(signedUri, c.Uri.ToString());

        string ha1 = DigestHash.ComputeHa1(algorithm, "1001", "example.com", "secret");
        string expected = DigestHash.ComputeResponse(algorithm, ha1, Nonce, "REGISTER", signedUri, "auth", "00000001", c.Cnonce.ToString());

        Assert.Equal(expected, c.Response.ToString());
        Assert.NotEqual(expected, DigestHash.ComputeResponse(algorithm, DigestHash.ComputeHa1(algorithm, "1001", "example.com", "Secret"),
            Nonce, "REGISTER", signedUri, "auth", "00000001", c.Cnonce.ToString()));
    }
}
