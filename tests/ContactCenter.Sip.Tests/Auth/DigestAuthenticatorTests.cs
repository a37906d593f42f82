using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestAuthenticatorTests
{
    [Fact]
    public void A_request_without_credentials_is_challenged_and_not_counted()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send(null);

        Assert.Equal(DigestAuthenticationOutcome.Challenge, result.Outcome);
        Assert.False(result.Stale);
        Assert.Equal(0, f.Limiter.TrackedSourceCount);
    }

    [Fact]
    public void An_unknown_scheme_is_challenged_like_rfc4475_regaut01_expects()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send("NoOneKnowsThisScheme opaque-data=here");

        Assert.Equal(DigestAuthenticationResult.Challenge(stale: false).ToString(), result.ToString());
        Assert.Equal(0, f.Limiter.TrackedSourceCount);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    public void The_right_password_authenticates(DigestAlgorithm algorithm)
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send(f.Authorization(f.Challenge(), algorithm: algorithm));

        Assert.True(result.IsAuthenticated, result.ToString());
        Assert.Equal(AuthenticatorFixture.User, result.Username);
    }

    [Fact]
    public void An_absent_algorithm_means_md5()
    {
        var f = new AuthenticatorFixture();

        Assert.True(f.Send(f.Authorization(f.Challenge(), sendAlgorithm: false)).IsAuthenticated);
    }

    [Fact]
    public void A_nonce_serves_several_requests_with_increasing_nc()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();

        Assert.True(f.Send(f.Authorization(nonce, nc: 1)).IsAuthenticated);
        Assert.True(f.Send(f.Authorization(nonce, nc: 2)).IsAuthenticated);
        Assert.True(f.Send(f.Authorization(nonce, nc: 3)).IsAuthenticated);
    }

    [Fact]
    public void A_replayed_nc_is_rejected()
    {
        var f = new AuthenticatorFixture();
        string authorization = f.Authorization(f.Challenge(), nc: 7);
        Assert.True(f.Send(authorization).IsAuthenticated);

        DigestAuthenticationResult replay = f.Send(authorization);

        Assert.Equal(DigestAuthenticationOutcome.Rejected, replay.Outcome);
        Assert.Equal(DigestRejectReason.NonceCountReplay, replay.Reason);
    }

    [Fact]
    public void A_wrong_nc_guess_does_not_burn_the_real_clients_nc()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();

        DigestAuthenticationResult forged = f.Send(f.Authorization(nonce, password: "guess", nc: 1));

        Assert.Equal(DigestRejectReason.WrongPassword, forged.Reason);
        Assert.True(f.Send(f.Authorization(nonce, nc: 1)).IsAuthenticated);
    }

    [Fact]
    public void A_wrong_password_and_an_unknown_user_are_rejected_alike()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult wrong = f.Send(f.Authorization(f.Challenge(), password: "wrong"));
        DigestAuthenticationResult unknown = f.Send(f.Authorization(f.Challenge(), user: "9999"));

        Assert.Equal(DigestAuthenticationOutcome.Rejected, wrong.Outcome);
        Assert.Equal(DigestAuthenticationOutcome.Rejected, unknown.Outcome);
        Assert.Equal(DigestRejectReason.WrongPassword, wrong.Reason);
        Assert.Equal(DigestRejectReason.UnknownUser, unknown.Reason);
        Assert.Equal("9999", unknown.Username);
    }

    [Fact]
    public void A_stale_nonce_with_the_right_password_is_rechallenged_with_stale_true()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        f.Time.Advance(f.Nonces.Lifetime + TimeSpan.FromSeconds(1));

        DigestAuthenticationResult result = f.Send(f.Authorization(nonce));

        Assert.Equal(DigestAuthenticationOutcome.Challenge, result.Outcome);
        Assert.True(result.Stale);
        Assert.True(f.Send(f.Authorization(f.Challenge())).IsAuthenticated);
    }

    [Fact]
    public void A_stale_nonce_without_qop_is_rechallenged_too()
    {
        // Without qop there is no nc, so the nonce's own expiry is the only thing that ends its use.
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        Assert.True(f.Send(f.Authorization(nonce, qop: null)).IsAuthenticated);
        f.Time.Advance(f.Nonces.Lifetime + TimeSpan.FromSeconds(1));

        DigestAuthenticationResult result = f.Send(f.Authorization(nonce, qop: null));

        Assert.Equal(DigestAuthenticationResult.Challenge(stale: true).ToString(), result.ToString());
    }

    [Fact]
    public void A_stale_nonce_with_a_wrong_password_is_a_failure_not_a_stale_hint()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        f.Time.Advance(f.Nonces.Lifetime + TimeSpan.FromSeconds(1));

        DigestAuthenticationResult result = f.Send(f.Authorization(nonce, password: "wrong"));

        Assert.Equal(DigestRejectReason.WrongPassword, result.Reason);
    }

    [Fact]
    public void A_forged_nonce_is_challenged_afresh()
    {
        var f = new AuthenticatorFixture();
        var otherServer = new NonceService(f.Time);

        DigestAuthenticationResult forged = f.Send(f.Authorization(otherServer.Create(AuthenticatorFixture.Realm)));
        DigestAuthenticationResult rfcNonce = f.Send(f.Authorization("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"));

        Assert.Equal(DigestAuthenticationResult.Challenge(stale: false).ToString(), forged.ToString());
        Assert.Equal(DigestAuthenticationResult.Challenge(stale: false).ToString(), rfcNonce.ToString());
    }

    [Fact]
    public void A_nonce_issued_for_another_realm_is_not_accepted()
    {
        var f = new AuthenticatorFixture();
        f.Store.Set(AuthenticatorFixture.User, "other.example.com", AuthenticatorFixture.Password);
        string otherRealmNonce = f.Authenticator.CreateChallenges("other.example.com", stale: false)[0].Nonce;

        DigestAuthenticationResult result = f.Send(f.Authorization(otherRealmNonce));

        Assert.Equal(DigestAuthenticationOutcome.Challenge, result.Outcome);
    }

    [Fact]
    public void The_uri_must_be_the_request_uri()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send(f.Authorization(f.Challenge(), uri: "sip:elsewhere.example.com"));

        Assert.Equal(DigestRejectReason.UriMismatch, result.Reason);
    }

    [Fact]
    public void The_method_is_part_of_the_digest()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send(f.Authorization(f.Challenge()), method: "INVITE");

        Assert.Equal(DigestRejectReason.WrongPassword, result.Reason);
    }

    [Fact]
    public void Credentials_for_another_realm_are_a_realm_mismatch_and_not_counted()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send(f.Authorization(f.Challenge(), realm: "other.example.com"));

        Assert.Equal(DigestRejectReason.RealmMismatch, result.Reason);
        Assert.Equal(0, f.Limiter.TrackedSourceCount);
    }

    [Fact]
    public void Among_several_authorization_values_the_one_for_our_realm_is_used()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        ReadOnlyMemory<byte>[] values =
        [
            Encoding.ASCII.GetBytes("NoOneKnowsThisScheme opaque-data=here"),
            Encoding.UTF8.GetBytes(f.Authorization(nonce, realm: "proxy.example.net")),
            Encoding.UTF8.GetBytes(f.Authorization(nonce)),
        ];

        DigestAuthenticationResult result = f.Authenticator.Authenticate(
            "REGISTER"u8, "sip:example.com"u8, AuthenticatorFixture.Realm, AuthenticatorFixture.Phone, values);

        Assert.True(result.IsAuthenticated, result.ToString());
    }

    [Fact]
    public void No_authorization_values_at_all_is_a_challenge()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Authenticator.Authenticate(
            "REGISTER"u8, "sip:example.com"u8, AuthenticatorFixture.Realm, AuthenticatorFixture.Phone, ReadOnlySpan<ReadOnlyMemory<byte>>.Empty);

        Assert.Equal(DigestAuthenticationOutcome.Challenge, result.Outcome);
    }

    [Theory]
    [InlineData("algorithm=SHA-512-256", DigestRejectReason.UnsupportedAlgorithm)]
    [InlineData("algorithm=MD5-sess", DigestRejectReason.UnsupportedAlgorithm)]
    [InlineData("algorithm=ROT13", DigestRejectReason.UnsupportedAlgorithm)]
    [InlineData("qop=auth-int", DigestRejectReason.UnsupportedQop)]
    [InlineData("userhash=true", DigestRejectReason.UserhashNotSupported)]
    public void Unsupported_options_are_rejected_with_a_reason(string parameter, DigestRejectReason expected)
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        string value = $"Digest username=\"1001\", realm=\"example.com\", nonce=\"{nonce}\", uri=\"sip:example.com\", "
            + $"response=\"00000000000000000000000000000000\", cnonce=\"c\", nc=00000001, {parameter}";

        DigestAuthenticationResult result = f.Send(value);

        Assert.Equal(expected, result.Reason);
    }

    [Fact]
    public void Malformed_digest_credentials_are_rejected_with_the_parse_error()
    {
        var f = new AuthenticatorFixture();

        DigestAuthenticationResult result = f.Send("Digest username=\"1001\", realm=\"example.com\", nonce=\"x\", uri=\"sip:example.com\"");

        Assert.Equal(DigestRejectReason.MalformedCredentials, result.Reason);
        Assert.Equal(DigestParseError.MissingResponse, result.ParseError);
        Assert.Equal(1, f.Limiter.TrackedSourceCount);
    }

    [Fact]
    public void Escaped_usernames_are_matched_unescaped()
    {
        var f = new AuthenticatorFixture();
        f.Store.Set("o\"brien\\x", AuthenticatorFixture.Realm, "pw");

        DigestAuthenticationResult result = f.Send(f.Authorization(f.Challenge(), user: "o\"brien\\x", password: "pw"));

        Assert.True(result.IsAuthenticated, result.ToString());
        Assert.Equal("o\"brien\\x", result.Username);
    }

    [Fact]
    public void An_upper_case_response_is_accepted()
    {
        var f = new AuthenticatorFixture();
        string authorization = f.Authorization(f.Challenge());
        int start = authorization.IndexOf("response=\"", StringComparison.Ordinal) + 10;
        string upper = authorization[..start] + authorization.Substring(start, 32).ToUpperInvariant() + authorization[(start + 32)..];

        Assert.True(f.Send(upper).IsAuthenticated);
    }

    [Fact]
    public void A_truncated_response_is_a_wrong_password()
    {
        var f = new AuthenticatorFixture();
        string authorization = f.Authorization(f.Challenge(), algorithm: DigestAlgorithm.Sha256);
        int start = authorization.IndexOf("response=\"", StringComparison.Ordinal) + 10;
        string truncated = authorization[..(start + 32)] + authorization[(start + 64)..];

        Assert.Equal(DigestRejectReason.WrongPassword, f.Send(truncated).Reason);
    }

    [Fact]
    public void Nonces_the_tracker_had_to_evict_are_rechallenged_as_stale()
    {
        var f = new AuthenticatorFixture(nonceCountCapacity: 1);
        string first = f.Challenge();
        Assert.True(f.Send(f.Authorization(first, nc: 1)).IsAuthenticated);
        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(f.Send(f.Authorization(f.Challenge(), nc: 1)).IsAuthenticated);

        DigestAuthenticationResult result = f.Send(f.Authorization(first, nc: 2));

        Assert.Equal(DigestAuthenticationResult.Challenge(stale: true).ToString(), result.ToString());
    }
}
