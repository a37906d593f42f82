using System.Net;
using System.Text;
using ContactCenter.Sip.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

/// <summary>A registrar's authentication parts wired together on fake time; each test builds its own.</summary>
internal sealed class AuthenticatorFixture
{
    public const string Realm = "example.com";
    public const string RequestUri = "sip:example.com";
    public const string User = "1001";
    public const string Password = "correct horse";
    public static readonly IPAddress Phone = IPAddress.Parse("198.51.100.10");

    public AuthenticatorFixture(
        DigestAuthenticatorOptions? options = null, AuthFailureLimiterOptions? limiterOptions = null, int nonceCountCapacity = 1000)
    {
        Nonces = new NonceService(Time, TimeSpan.FromMinutes(5));
        NonceCounts = new NonceCountTracker(Time, Nonces.Lifetime, nonceCountCapacity);
        Limiter = new AuthFailureLimiter(Time, limiterOptions ?? new AuthFailureLimiterOptions
        {
            MaxFailures = 3,
            FailureWindow = TimeSpan.FromMinutes(1),
            BlockDuration = TimeSpan.FromMinutes(10),
        });
        Store.Set(User, Realm, Password);
        Authenticator = new DigestAuthenticator(Store, Nonces, NonceCounts, Limiter, options, Log.Add);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public InMemorySipCredentialStore Store { get; } = new();

    public NonceService Nonces { get; }

    public NonceCountTracker NonceCounts { get; }

    public AuthFailureLimiter Limiter { get; }

    public DigestAuthenticator Authenticator { get; }

    public List<string> Log { get; } = [];

    /// <summary>A nonce the way a phone gets one: from the first challenge of a 401.</summary>
    public string Challenge() => Authenticator.CreateChallenges(Realm, stale: false)[0].Nonce;

    public DigestAuthenticationResult Send(string? authorization, IPAddress? source = null, string method = "REGISTER", string requestUri = RequestUri) =>
        Authenticator.Authenticate(
            Encoding.ASCII.GetBytes(method),
            Encoding.ASCII.GetBytes(requestUri),
            Realm,
            source ?? Phone,
            authorization is null ? ReadOnlySpan<byte>.Empty : Encoding.UTF8.GetBytes(authorization));

    public string Authorization(
        string nonce, string user = User, string password = Password, DigestAlgorithm algorithm = DigestAlgorithm.Md5,
        string? qop = "auth", uint nc = 1, string uri = RequestUri, string realm = Realm, string? extra = null, bool sendAlgorithm = true) =>
        DigestTestClient.Authorization(user, password, realm, nonce, uri, "REGISTER", algorithm, qop, nc, extra: extra, sendAlgorithm: sendAlgorithm);
}
