using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestAuthenticatorOptionsTests
{
    [Fact]
    public void Only_offered_algorithms_are_accepted()
    {
        var f = new AuthenticatorFixture(new DigestAuthenticatorOptions { ChallengeAlgorithms = [DigestAlgorithm.Sha256] });

        DigestAuthenticationResult md5 = f.Send(f.Authorization(f.Challenge(), algorithm: DigestAlgorithm.Md5));

        Assert.Equal(DigestRejectReason.UnsupportedAlgorithm, md5.Reason);
        Assert.True(f.Send(f.Authorization(f.Challenge(), algorithm: DigestAlgorithm.Sha256)).IsAuthenticated);
    }

    [Fact]
    public void The_rfc2069_form_without_qop_authenticates_unless_qop_is_required()
    {
        var lenient = new AuthenticatorFixture();
        var strict = new AuthenticatorFixture(new DigestAuthenticatorOptions { AllowMissingQop = false });

        Assert.True(lenient.Send(lenient.Authorization(lenient.Challenge(), qop: null)).IsAuthenticated);
        DigestAuthenticationResult refused = strict.Send(strict.Authorization(strict.Challenge(), qop: null));
        Assert.Equal(DigestRejectReason.QopRequired, refused.Reason);
    }

    [Fact]
    public void Without_the_uri_check_the_digest_is_verified_over_the_uri_the_client_signed()
    {
        // sipp signs sip:remote_ip:port whatever the Request-URI is.
        var f = new AuthenticatorFixture(new DigestAuthenticatorOptions { RequireUriMatch = false });

        DigestAuthenticationResult signedOther = f.Send(f.Authorization(f.Challenge(), uri: "sip:127.0.0.1:5060"));
        string tampered = f.Authorization(f.Challenge(), uri: "sip:127.0.0.1:5060").Replace("uri=\"sip:127.0.0.1:5060\"", "uri=\"sip:127.0.0.1:5061\"");

        Assert.True(signedOther.IsAuthenticated, signedOther.ToString());
        Assert.Equal(DigestRejectReason.WrongPassword, f.Send(tampered).Reason);
    }

    [Fact]
    public void Challenges_offer_sha256_then_md5_with_one_fresh_nonce()
    {
        var f = new AuthenticatorFixture();

        DigestChallenge[] challenges = f.Authenticator.CreateChallenges(AuthenticatorFixture.Realm, stale: true);

        Assert.Equal([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c => Assert.True(c.Stale));
        Assert.Equal(challenges[0].Nonce, challenges[1].Nonce);
        Assert.Equal(NonceStatus.Valid, f.Nonces.Validate(challenges[0].Nonce, AuthenticatorFixture.Realm));
        Assert.NotEqual(challenges[0].Nonce, f.Challenge());
    }

    [Fact]
    public void The_challenge_order_is_configurable_for_md5_only_peers()
    {
        var f = new AuthenticatorFixture(new DigestAuthenticatorOptions { ChallengeAlgorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Sha256] });

        DigestChallenge[] challenges = f.Authenticator.CreateChallenges(AuthenticatorFixture.Realm, stale: false);

        Assert.StartsWith("Digest realm=\"example.com\", nonce=\"", challenges[0].ToString());
        Assert.EndsWith("\", algorithm=MD5, qop=\"auth\"", challenges[0].ToString());
    }

    [Fact]
    public void A_configured_opaque_is_sent_and_checked_when_returned()
    {
        var f = new AuthenticatorFixture(new DigestAuthenticatorOptions { Opaque = "op4que" });
        string nonce = f.Challenge();

        Assert.Equal("op4que", f.Authenticator.CreateChallenges(AuthenticatorFixture.Realm, false)[1].Opaque);
        Assert.True(f.Send(f.Authorization(nonce, nc: 1, extra: "opaque=\"op4que\"")).IsAuthenticated);
        Assert.True(f.Send(f.Authorization(nonce, nc: 2)).IsAuthenticated);
        Assert.Equal(DigestRejectReason.OpaqueMismatch, f.Send(f.Authorization(nonce, nc: 3, extra: "opaque=\"other\"")).Reason);
    }

    [Fact]
    public void A_malformed_ha1_in_the_store_is_logged_once_and_treated_as_unknown()
    {
        var f = new AuthenticatorFixture();
        var store = new BrokenStore();
        var authenticator = new DigestAuthenticator(store, f.Nonces, f.NonceCounts, null, null, f.Log.Add);
        string authorization = f.Authorization(f.Challenge());

        for (int i = 0; i < 3; i++)
        {
            DigestAuthenticationResult result = authenticator.Authenticate(
                "REGISTER"u8, "sip:example.com"u8, AuthenticatorFixture.Realm, AuthenticatorFixture.Phone, Encoding.UTF8.GetBytes(authorization));
            Assert.Equal(DigestRejectReason.UnknownUser, result.Reason);
        }

        Assert.Single(f.Log);
        Assert.Contains("malformed MD5 HA1", f.Log[0]);
    }

    [Fact]
    public void Rejects_nonsense_options()
    {
        var f = new AuthenticatorFixture();
        Assert.Throws<ArgumentException>(() => new DigestAuthenticator(
            f.Store, f.Nonces, f.NonceCounts, options: new DigestAuthenticatorOptions { ChallengeAlgorithms = [] }));
        Assert.Throws<ArgumentException>(() => new DigestAuthenticator(
            f.Store, f.Nonces, f.NonceCounts, options: new DigestAuthenticatorOptions { ChallengeAlgorithms = [DigestAlgorithm.Md5, DigestAlgorithm.Md5] }));
        Assert.Throws<ArgumentException>(() => new DigestAuthenticator(
            f.Store, f.Nonces, f.NonceCounts, options: new DigestAuthenticatorOptions { Opaque = "a\r\nb" }));
    }

    [Fact]
    public void A_default_result_never_means_authenticated()
    {
        Assert.False(default(DigestAuthenticationResult).IsAuthenticated);
        Assert.Equal(DigestAuthenticationOutcome.Challenge, default(DigestAuthenticationResult).Outcome);
    }

    private sealed class BrokenStore : ISipCredentialStore
    {
        public bool TryGetHa1(string user, string realm, DigestAlgorithm algorithm, out string ha1Hex)
        {
            ha1Hex = "not-hex";
            return true;
        }
    }
}
