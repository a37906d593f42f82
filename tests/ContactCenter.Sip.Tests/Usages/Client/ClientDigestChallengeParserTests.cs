using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Sip.Tests.Usages.Client;

public sealed class ClientDigestChallengeParserTests
{
    private static List<ClientDigestChallenge> Parse(string value, bool isProxy = false)
    {
        var list = new List<ClientDigestChallenge>();
        ClientDigestChallengeParser.Parse(Encoding.UTF8.GetBytes(value), isProxy, list);
        return list;
    }

    [Fact]
    public void Asterisk_pjsip_challenge_no_spaces_lower_case_algorithm()
    {
        var c = Assert.Single(Parse("Digest realm=\"asterisk\",nonce=\"1732450000/9f4b3c1e2d5a6b7c8d9e0f1a2b3c4d5e\",opaque=\"4e0a3c6b1d2f7a8e\",algorithm=md5,qop=\"auth\""));
        Assert.Equal("asterisk", c.Realm);
        Assert.Equal("1732450000/9f4b3c1e2d5a6b7c8d9e0f1a2b3c4d5e", c.Nonce);
        Assert.Equal("4e0a3c6b1d2f7a8e", c.Opaque);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.True(c.QopOffered);
        Assert.True(c.QopAuth);
        Assert.False(c.QopAuthInt);
        Assert.False(c.Stale);
        Assert.False(c.IsProxy);
        Assert.True(c.IsSupported);
    }

    [Fact]
    public void Kamailio_challenge_without_qop_or_algorithm_is_md5_rfc2069_form()
    {
        var c = Assert.Single(Parse("Digest realm=\"sip.kamailio.example\", nonce=\"Z0NIeWdDSHjwqxrPFlNKc5Tbwqj3clk8\""));
        Assert.Equal("sip.kamailio.example", c.Realm);
        Assert.Equal("MD5", c.AlgorithmName);
        Assert.Equal(DigestAlgorithm.Md5, c.Algorithm);
        Assert.False(c.QopOffered);
        Assert.Null(c.Opaque);
        Assert.True(c.IsSupported);
    }

    [Fact]
    public void Kamailio_stale_challenge_with_qop_list()
    {
        var c = Assert.Single(Parse("Digest realm=\"sip.kamailio.example\", nonce=\"Z0NJAWdDSNXr7C1pmBTEr9wbmtSxXgTb\", qop=\"auth,auth-int\", stale=true"));
        Assert.True(c.Stale);
        Assert.True(c.QopAuth);
        Assert.True(c.QopAuthInt);
    }

    [Fact]
    public void FreeSwitch_proxy_challenge()
    {
        var c = Assert.Single(Parse("Digest realm=\"203.0.113.20\", nonce=\"0e4f6a1c-7d2b-4c3e-9a8f-5b6c7d8e9f01\", algorithm=MD5, qop=\"auth\"", isProxy: true));
        Assert.True(c.IsProxy);
        Assert.Equal("203.0.113.20", c.Realm);
        Assert.Equal("0e4f6a1c-7d2b-4c3e-9a8f-5b6c7d8e9f01", c.Nonce);
    }

    [Fact]
    public void Sha256_and_md5_pair_from_separate_lines_of_a_response()
    {
        var request = ClientTestMessages.Invite();
        var response = ClientTestMessages.Challenge(request, 401,
            "Digest realm=\"trunk.example.net\", nonce=\"n-256\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"trunk.example.net\", nonce=\"n-md5\", algorithm=MD5, qop=\"auth\"");
        var all = ClientDigestChallengeParser.FromResponse(response);
        Assert.Equal(2, all.Count);
        Assert.Equal(DigestAlgorithm.Sha256, all[0].Algorithm);
        Assert.Equal(DigestAlgorithm.Md5, all[1].Algorithm);
    }

    [Fact]
    public void Comma_joined_challenges_on_one_line_are_split_and_other_schemes_skipped()
    {
        var list = Parse("Basic realm=\"x\", Digest realm=\"a\", nonce=\"1\", algorithm=SHA-256, Digest realm=\"a\", nonce=\"2\"");
        Assert.Equal(2, list.Count);
        Assert.Equal(("1", DigestAlgorithm.Sha256), (list[0].Nonce, list[0].Algorithm!.Value));
        Assert.Equal(("2", DigestAlgorithm.Md5), (list[1].Nonce, list[1].Algorithm!.Value));
    }

    [Theory]
    [InlineData("algorithm=MD5-sess, qop=\"auth\"", false)]
    [InlineData("algorithm=SHA-512-256, qop=\"auth\"", false)]
    [InlineData("qop=\"auth-int\"", false)]
    [InlineData("algorithm=sha-256, qop=\"auth-int, auth\"", true)]
    public void Unsupported_algorithms_and_auth_int_only_are_read_but_marked(string rest, bool supported)
    {
        var c = Assert.Single(Parse($"Digest realm=\"r\", nonce=\"n\", {rest}"));
        Assert.Equal(supported, c.IsSupported);
    }

    [Fact]
    public void Escaped_quotes_in_a_realm_are_unescaped()
    {
        var c = Assert.Single(Parse("Digest realm=\"say \\\"hi\\\"\", nonce=\"n\""));
        Assert.Equal("say \"hi\"", c.Realm);
    }

    [Theory]
    [InlineData("Digest realm=\"unterminated, nonce=\"n\"")]
    [InlineData("Digest nonce=\"no realm\"")]
    [InlineData("Digest realm=\"no nonce\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\r\n x\"")]
    [InlineData("Digest realm=\"r\", nonce=")]
    [InlineData("")]
    [InlineData("Digest")]
    [InlineData("=== garbage")]
    public void Malformed_or_incomplete_challenges_give_nothing_and_do_not_throw(string value) => Assert.Empty(Parse(value));

    [Fact]
    public void Number_of_challenges_is_bounded()
    {
        var value = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"Digest realm=\"r\", nonce=\"{i}\""));
        Assert.Equal(ClientDigestChallengeParser.MaxChallenges, Parse(value).Count);
    }
}
