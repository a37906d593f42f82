using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Registrar;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Usages;

/// <summary>A registrar over fake time and an in-memory credential store, and a client that speaks Digest to it.</summary>
internal sealed partial class RegistrarHarness : IDisposable
{
    public const string Realm = "test.realm";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    public InMemorySipCredentialStore Credentials { get; } = new();
    public LocationService Location { get; }
    public RegistrarUsage Registrar { get; }
    public List<RegistrationEvent> Events { get; } = [];
    public AuthFailureLimiter Limiter { get; }

    private int _cseq;

    public RegistrarHarness(RegistrarOptions? options = null)
    {
        options ??= new RegistrarOptions { Realm = Realm };
        Credentials.Set("1001", Realm, "s3cret-1001");
        Credentials.Set("1002", Realm, "s3cret-1002");
        var nonces = new NonceService(Time, TimeSpan.FromMinutes(5));
        Limiter = new AuthFailureLimiter(Time, new AuthFailureLimiterOptions { MaxFailures = 3, BlockDuration = TimeSpan.FromMinutes(5) });
        var authenticator = new DigestAuthenticator(Credentials, nonces, new NonceCountTracker(Time, nonces.Lifetime), Limiter,
            new DigestAuthenticatorOptions { ChallengeAlgorithms = [DigestAlgorithm.Md5] });
        Location = new LocationService(Time, options.SweepInterval);
        Location.Changed += Events.Add;
        Registrar = new RegistrarUsage(options, Location, authenticator, Time, NullSipLog.Instance);
    }

    public string CallId { get; set; } = "reg-call-1@192.0.2.10";

    public SipMessage Request(string user, string? contact = "<sip:{user}@192.0.2.10:5062>", string? expires = null,
        string? authorization = null, uint? cseq = null, string? extra = null)
    {
        var sb = new StringBuilder();
        sb.Append("REGISTER sip:127.0.0.1 SIP/2.0\r\n");
        sb.Append("Via: SIP/2.0/UDP 192.0.2.10:5062;rport;branch=z9hG4bK-").Append(Guid.NewGuid().ToString("N")).Append("\r\n");
        sb.Append("Max-Forwards: 70\r\n");
        sb.Append($"From: <sip:{user}@127.0.0.1>;tag=ft1\r\n");
        sb.Append($"To: <sip:{user}@127.0.0.1>\r\n");
        sb.Append($"Call-ID: {CallId}\r\n");
        sb.Append($"CSeq: {cseq ?? (uint)++_cseq} REGISTER\r\n");
        if (contact != null) sb.Append("Contact: ").Append(contact.Replace("{user}", user)).Append("\r\n");
        if (expires != null) sb.Append("Expires: ").Append(expires).Append("\r\n");
        if (authorization != null) sb.Append("Authorization: ").Append(authorization).Append("\r\n");
        if (extra != null) sb.Append(extra);
        sb.Append("Content-Length: 0\r\n\r\n");
        Assert.True(SipMessageParser.TryParse(Encoding.ASCII.GetBytes(sb.ToString()), out var message, out var error), error.ToString());
        message!.Source = new SipSource(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062),
            new IPEndPoint(IPAddress.Loopback, 5060));
        return message;
    }

    public static SipMessage Parse(byte[] response)
    {
        Assert.True(SipMessageParser.TryParse(response, out var message, out var error), error.ToString());
        return message!;
    }

    /// <summary>Sends REGISTER, answers the challenge with <paramref name="password"/>, returns the final response.</summary>
    public SipMessage Register(string user, string password, string? contact = "<sip:{user}@192.0.2.10:5062>", string? expires = null,
        string? extra = null)
    {
        var challenge = Parse(Registrar.Handle(Request(user, contact, expires, extra: extra)));
        Assert.Equal(401, challenge.StatusCode);
        return Parse(Registrar.Handle(Request(user, contact, expires, Authorize(challenge, user, password), extra: extra)));
    }

    public static string Authorize(SipMessage challenge, string user, string password, string nc = "00000001")
    {
        var header = challenge.GetHeaderString(HeaderId.WwwAuthenticate)!;
        string realm = NonceRealm().Match(header).Groups[1].Value;
        string nonce = NonceValue().Match(header).Groups[1].Value;
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, user, realm, password);
        const string uri = "sip:127.0.0.1";
        const string cnonce = "0a4f113b";
        string response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, nonce, "REGISTER", uri, "auth", nc, cnonce);
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", " +
               $"algorithm=MD5, cnonce=\"{cnonce}\", qop=auth, nc={nc}";
    }

    [GeneratedRegex("realm=\"([^\"]*)\"")]
    private static partial Regex NonceRealm();

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex NonceValue();

    public void Dispose() => Location.Dispose();
}
