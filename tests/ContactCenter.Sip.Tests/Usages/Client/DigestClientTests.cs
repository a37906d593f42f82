using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Sip.Tests.Usages.Client;

public sealed class DigestClientTests
{
    private static List<ClientDigestChallenge> Challenges(params string[] values)
    {
        var list = new List<ClientDigestChallenge>();
        foreach (var v in values) ClientDigestChallengeParser.Parse(Encoding.UTF8.GetBytes(v), false, list);
        return list;
    }

    private static DigestCredentials ParseCredentials(string value)
    {
        Assert.True(DigestCredentialsParser.TryParse(Encoding.UTF8.GetBytes(value), out var credentials, out var error), error.ToString());
        return credentials;
    }

    [Fact]
    public void Rfc2617_section_3_5_vector()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("Mufasa", "Circle Of Life"), () => "0a4f113b");
        var result = client.Answer(Challenges(
            "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""),
            "GET", "/dir/index.html");
        Assert.True(result.CanRetry, result.FailureReason);
        var header = Assert.Single(result.Headers);
        Assert.Equal(HeaderId.Authorization, header.Id);
        var c = ParseCredentials(header.Value);
        Assert.Equal("6629fae49393a05397450978507c4ef1", c.Response.ToString());
        Assert.Equal("00000001", c.NonceCountText.ToString());
        Assert.Equal("0a4f113b", c.Cnonce.ToString());
        Assert.Equal("auth", c.Qop.ToString());
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", c.Opaque.ToString());
        Assert.Equal("/dir/index.html", c.Uri.ToString());
        Assert.Equal("Mufasa", c.Username.ToString());
    }

    private const string Rfc7616Realm = "http-auth@example.org";
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact]
    public void Rfc7616_section_3_9_1_prefers_sha256_and_matches_the_vector()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("Mufasa", "Circle of Life"), () => Rfc7616Cnonce);
        // The RFC's server lists SHA-256 first; the MD5 line second. Order reversed here: the choice is by strength.
        var result = client.Answer(Challenges(
            $"Digest realm=\"{Rfc7616Realm}\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"{Rfc7616Nonce}\", opaque=\"{Rfc7616Opaque}\"",
            $"Digest realm=\"{Rfc7616Realm}\", qop=\"auth, auth-int\", algorithm=SHA-256, nonce=\"{Rfc7616Nonce}\", opaque=\"{Rfc7616Opaque}\""),
            "GET", "/dir/index.html");
        var c = ParseCredentials(Assert.Single(result.Headers).Value);
        Assert.Equal("SHA-256", c.Algorithm.ToString());
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", c.Response.ToString());
    }

    [Fact]
    public void Rfc7616_section_3_9_1_md5_response_when_only_md5_is_offered()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("Mufasa", "Circle of Life"), () => Rfc7616Cnonce);
        var result = client.Answer(Challenges(
            $"Digest realm=\"{Rfc7616Realm}\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"{Rfc7616Nonce}\", opaque=\"{Rfc7616Opaque}\""),
            "GET", "/dir/index.html");
        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", ParseCredentials(Assert.Single(result.Headers).Value).Response.ToString());
    }

    [Fact]
    public void Without_qop_the_rfc2069_form_is_sent_and_verifies()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("trunkuser", "pw"));
        var result = client.Answer(Challenges("Digest realm=\"kam\", nonce=\"abc\""), "REGISTER", "sip:kam.example");
        var c = ParseCredentials(Assert.Single(result.Headers).Value);
        Assert.False(c.Qop.IsPresent);
        Assert.False(c.Cnonce.IsPresent);
        string expected = DigestHash.ComputeResponse(DigestAlgorithm.Md5, DigestHash.ComputeHa1(DigestAlgorithm.Md5, "trunkuser", "kam", "pw"),
            "abc", "REGISTER", "sip:kam.example");
        Assert.Equal(expected, c.Response.ToString());
    }

    [Fact]
    public void Uses_the_method_and_request_uri_of_the_request_as_sent_and_answers_407_with_proxy_authorization()
    {
        var invite = ClientTestMessages.Invite();
        var challenge = ClientTestMessages.Challenge(invite, 407, "Digest realm=\"trunk.example.net\", nonce=\"pn1\", qop=\"auth\"");
        var client = new DigestClient(SipClientCredentials.FromPassword("trunkuser", "secret"));
        var result = client.Answer(invite, challenge);
        var header = Assert.Single(result.Headers);
        Assert.Equal(HeaderId.ProxyAuthorization, header.Id);
        var c = ParseCredentials(header.Value);
        Assert.Equal("sip:+4930123456@trunk.example.net", c.Uri.ToString());
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "trunkuser", "trunk.example.net", "secret");
        Assert.Equal(DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, "pn1", "INVITE", "sip:+4930123456@trunk.example.net", "auth",
            c.NonceCountText.ToString(), c.Cnonce.ToString()), c.Response.ToString());
    }

    [Fact]
    public void Nonce_count_increases_per_nonce_and_restarts_for_a_new_nonce_and_cnonce_is_random()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("u", "p"));
        string Answer(string nonce)
        {
            client.StartNewRequest();
            return Assert.Single(client.Answer(Challenges($"Digest realm=\"r\", nonce=\"{nonce}\", qop=\"auth\""), "REGISTER", "sip:r").Headers).Value;
        }
        var first = ParseCredentials(Answer("n1"));
        var second = ParseCredentials(Answer("n1"));
        var other = ParseCredentials(Answer("n2"));
        Assert.Equal("00000001", first.NonceCountText.ToString());
        Assert.Equal("00000002", second.NonceCountText.ToString());
        Assert.Equal("00000001", other.NonceCountText.ToString());
        Assert.NotEqual(first.Cnonce.ToString(), second.Cnonce.ToString());
        Assert.Equal(32, first.Cnonce.ToString().Length);
    }

    [Theory]
    [InlineData("n1")] // the same nonce again: the password was wrong
    [InlineData("n2")] // a fresh nonce without stale (Asterisk after a wrong password): still wrong
    public void Second_challenge_for_the_same_realm_without_stale_fails(string secondNonce)
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("u", "wrong"));
        Assert.True(client.Answer(Challenges("Digest realm=\"r\", nonce=\"n1\", qop=\"auth\""), "REGISTER", "sip:r").CanRetry);
        var again = client.Answer(Challenges($"Digest realm=\"r\", nonce=\"{secondNonce}\", qop=\"auth\""), "REGISTER", "sip:r");
        Assert.False(again.CanRetry);
        Assert.Contains("rejected", again.FailureReason);
        Assert.Empty(again.Headers);
    }

    [Fact]
    public void Stale_challenge_is_retried_without_counting_as_a_failure_but_not_forever()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("u", "p"));
        Assert.True(client.Answer(Challenges("Digest realm=\"r\", nonce=\"n0\""), "REGISTER", "sip:r").CanRetry);
        for (int i = 1; i <= DigestClient.MaxStaleRetries; i++)
        {
            var stale = client.Answer(Challenges($"Digest realm=\"r\", nonce=\"n{i}\", stale=TRUE"), "REGISTER", "sip:r");
            Assert.True(stale.CanRetry, stale.FailureReason);
            Assert.True(stale.Stale);
        }
        Assert.False(client.Answer(Challenges("Digest realm=\"r\", nonce=\"nx\", stale=true"), "REGISTER", "sip:r").CanRetry);

        // A new request starts over.
        client.StartNewRequest();
        Assert.True(client.Answer(Challenges("Digest realm=\"r\", nonce=\"ny\""), "REGISTER", "sip:r").CanRetry);
    }

    [Fact]
    public void Realm_without_credentials_or_with_only_unsupported_challenges_fails_with_a_reason()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("u", "p", realm: "mine"));
        var other = client.Answer(Challenges("Digest realm=\"theirs\", nonce=\"n\""), "REGISTER", "sip:r");
        Assert.False(other.CanRetry);
        Assert.Contains("theirs", other.FailureReason);

        var unsupported = client.Answer(Challenges("Digest realm=\"mine\", nonce=\"n\", algorithm=SHA-512-256"), "REGISTER", "sip:r");
        Assert.False(unsupported.CanRetry);
        Assert.Contains("SHA-512-256", unsupported.FailureReason);

        Assert.False(client.Answer([], "REGISTER", "sip:r").CanRetry);
    }

    [Fact]
    public void Ha1_only_credentials_answer_with_the_algorithm_they_have()
    {
        string md5 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "u", "r", "p");
        var client = new DigestClient(SipClientCredentials.FromHa1("u", "r", md5Ha1Hex: md5));
        var result = client.Answer(Challenges(
            "Digest realm=\"r\", nonce=\"a\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"r\", nonce=\"b\", algorithm=MD5, qop=\"auth\""), "REGISTER", "sip:r");
        var c = ParseCredentials(Assert.Single(result.Headers).Value);
        Assert.Equal("MD5", c.Algorithm.ToString());
        Assert.Equal("b", c.Nonce.ToString());
        Assert.Throws<ArgumentException>(() => SipClientCredentials.FromHa1("u", "r", md5Ha1Hex: "abc"));
        Assert.Throws<ArgumentException>(() => SipClientCredentials.FromPassword("u\r\nX: y", "p"));
    }

    [Fact]
    public void Two_realms_challenging_at_once_each_get_their_header()
    {
        var client = new DigestClient(new TwoRealms());
        var result = client.Answer(Challenges("Digest realm=\"a\", nonce=\"1\"", "Digest realm=\"b\", nonce=\"2\""), "INVITE", "sip:x@y");
        Assert.Equal(["a", "b"], result.Headers.Select(h => h.Realm));
        Assert.Equal(["ua", "ub"], result.Headers.Select(h => ParseCredentials(h.Value).Username.ToString()));
    }

    private sealed class TwoRealms : ITrunkCredentials
    {
        public SipClientCredentials? Find(string realm) => SipClientCredentials.FromPassword("u" + realm, "p", realm);
    }

    [Fact]
    public void Quotes_in_a_realm_are_escaped_in_the_answer_and_the_server_parser_reads_them_back()
    {
        var client = new DigestClient(SipClientCredentials.FromPassword("u", "p"));
        var result = client.Answer(Challenges("Digest realm=\"a \\\"quoted\\\" realm\", nonce=\"n\""), "REGISTER", "sip:r");
        Assert.Equal("a \"quoted\" realm", ParseCredentials(Assert.Single(result.Headers).Value).Realm.ToString());
    }
}
