using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Decides whether a request carries valid Digest credentials (RFC 3261 §22, RFC 7616, RFC 8760) and
/// builds the challenges to send when it does not. Works on header values as bytes, so it does not depend
/// on the SIP message model: pass the Authorization (or Proxy-Authorization) values, the method and the
/// Request-URI exactly as received. Counts failures per source into an <see cref="AuthFailureLimiter"/>.
/// Thread-safe.
/// </summary>
/// <remarks>
/// Every <see cref="DigestAuthenticationOutcome.Rejected"/> counts as one failure, except
/// <see cref="DigestRejectReason.RealmMismatch"/>, which tests no password. Challenges (no credentials,
/// unknown or stale nonce) are not failures.
/// </remarks>
public sealed partial class DigestAuthenticator
{
    private const int StackLimit = 256;

    private readonly ISipCredentialStore _credentials;
    private readonly NonceService _nonces;
    private readonly NonceCountTracker _nonceCounts;
    private readonly AuthFailureLimiter? _limiter;
    private readonly Action<string>? _log;
    private readonly DigestAlgorithm[] _algorithms;
    private readonly bool _allowMissingQop;
    private readonly bool _requireUriMatch;
    private readonly string? _opaque;
    private readonly byte[]? _opaqueUtf8;
    private readonly byte[] _decoyMd5Ha1;
    private readonly byte[] _decoySha256Ha1;
    private int _malformedHa1Logged;

    /// <param name="credentials">Where HA1 values come from.</param>
    /// <param name="nonces">Issues and checks nonces.</param>
    /// <param name="nonceCounts">Rejects nc replays; give it the same lifetime as <paramref name="nonces"/>.</param>
    /// <param name="limiter">Blocks sources after repeated failures; null disables blocking.</param>
    /// <param name="options">Settings; null uses the defaults of <see cref="DigestAuthenticatorOptions"/>.</param>
    /// <param name="log">Receives one line when a source gets blocked, and configuration problems found at run time.</param>
    public DigestAuthenticator(
        ISipCredentialStore credentials,
        NonceService nonces,
        NonceCountTracker nonceCounts,
        AuthFailureLimiter? limiter = null,
        DigestAuthenticatorOptions? options = null,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(nonceCounts);
        options ??= new DigestAuthenticatorOptions();
        ArgumentNullException.ThrowIfNull(options.ChallengeAlgorithms, "options.ChallengeAlgorithms");
        _algorithms = [.. options.ChallengeAlgorithms];
        if (_algorithms.Length == 0 || _algorithms.Distinct().Count() != _algorithms.Length || !_algorithms.All(Enum.IsDefined))
        {
            throw new ArgumentException("ChallengeAlgorithms must list at least one known algorithm, each once.", nameof(options));
        }

        if (options.Opaque is not null)
        {
            // Fails now, not at the first challenge, when the opaque could not be sent.
            _ = new DigestChallenge("r", "n", DigestAlgorithm.Md5, opaque: options.Opaque);
            _opaqueUtf8 = Encoding.UTF8.GetBytes(options.Opaque);
        }

        _credentials = credentials;
        _nonces = nonces;
        _nonceCounts = nonceCounts;
        _limiter = limiter;
        _log = log;
        _allowMissingQop = options.AllowMissingQop;
        _requireUriMatch = options.RequireUriMatch;
        _opaque = options.Opaque;
        _decoyMd5Ha1 = RandomHexHa1(DigestAlgorithm.Md5);
        _decoySha256Ha1 = RandomHexHa1(DigestAlgorithm.Sha256);
    }

    /// <summary>The algorithms offered, most preferred first.</summary>
    public IReadOnlyList<DigestAlgorithm> ChallengeAlgorithms => _algorithms;

    /// <summary>
    /// The challenges for a 401/407, one per offered algorithm in order of preference, sharing one fresh
    /// nonce. Send each as its own WWW-Authenticate (or Proxy-Authenticate) header.
    /// </summary>
    public DigestChallenge[] CreateChallenges(string realm, bool stale)
    {
        string nonce = _nonces.Create(realm);
        var challenges = new DigestChallenge[_algorithms.Length];
        for (int i = 0; i < _algorithms.Length; i++)
        {
            challenges[i] = new DigestChallenge(realm, nonce, _algorithms[i], stale, _opaque);
        }

        return challenges;
    }

    /// <summary>Authenticates a request that carries at most one Authorization value (empty span: none).</summary>
    /// <param name="method">The request method, e.g. "REGISTER"u8 (HA2 uses it).</param>
    /// <param name="requestUri">The Request-URI exactly as received; the uri parameter must equal it (see <see cref="DigestAuthenticatorOptions.RequireUriMatch"/>).</param>
    /// <param name="realm">The realm this server authenticates for; credentials for other realms do not count.</param>
    /// <param name="source">Where the request came from (the transport source address), for the limiter.</param>
    /// <param name="authorization">The header value after the colon, or empty when there is no such header.</param>
    public DigestAuthenticationResult Authenticate(
        ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, string realm, IPAddress source, ReadOnlySpan<byte> authorization)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(source);
        if (_limiter?.IsBlocked(source) == true)
        {
            return DigestAuthenticationResult.Blocked();
        }

        int realmLength = Encoding.UTF8.GetByteCount(realm);
        Span<byte> realmUtf8 = realmLength <= StackLimit ? stackalloc byte[StackLimit] : new byte[realmLength];
        realmUtf8 = realmUtf8[..Encoding.UTF8.GetBytes(realm, realmUtf8)];

        var selection = new Selection();
        if (IsCandidate(authorization, realmUtf8, ref selection, out DigestCredentials credentials))
        {
            return Verify(credentials, method, requestUri, realm, realmUtf8, source);
        }

        return Conclude(selection, source);
    }

    /// <summary>
    /// Authenticates a request that carries several Authorization values (one per header field, as RFC 3261
    /// §7.3.1 requires): the first Digest value whose realm is <paramref name="realm"/> is checked.
    /// </summary>
    public DigestAuthenticationResult Authenticate(
        ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, string realm, IPAddress source, ReadOnlySpan<ReadOnlyMemory<byte>> authorizations)
    {
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(source);
        if (_limiter?.IsBlocked(source) == true)
        {
            return DigestAuthenticationResult.Blocked();
        }

        int realmLength = Encoding.UTF8.GetByteCount(realm);
        Span<byte> realmUtf8 = realmLength <= StackLimit ? stackalloc byte[StackLimit] : new byte[realmLength];
        realmUtf8 = realmUtf8[..Encoding.UTF8.GetBytes(realm, realmUtf8)];

        var selection = new Selection();
        foreach (ReadOnlyMemory<byte> authorization in authorizations)
        {
            if (IsCandidate(authorization.Span, realmUtf8, ref selection, out DigestCredentials credentials))
            {
                return Verify(credentials, method, requestUri, realm, realmUtf8, source);
            }
        }

        return Conclude(selection, source);
    }

    private static bool IsCandidate(
        ReadOnlySpan<byte> value, scoped ReadOnlySpan<byte> realmUtf8, ref Selection selection, out DigestCredentials credentials)
    {
        if (!DigestCredentialsParser.TryParse(value, out credentials, out DigestParseError error))
        {
            if (error is not (DigestParseError.Empty or DigestParseError.UnknownScheme) && selection.FirstParseError == DigestParseError.None)
            {
                selection.FirstParseError = error;
            }

            return false;
        }

        selection.SawDigest = true;
        return credentials.Realm.ValueEquals(realmUtf8);
    }

    private DigestAuthenticationResult Conclude(Selection selection, IPAddress source)
    {
        if (selection.FirstParseError != DigestParseError.None)
        {
            return Fail(source, DigestRejectReason.MalformedCredentials, null, selection.FirstParseError);
        }

        return selection.SawDigest
            ? DigestAuthenticationResult.Rejected(DigestRejectReason.RealmMismatch)
            : DigestAuthenticationResult.Challenge(stale: false);
    }

    private long _failures;

    /// <summary>Authentications refused since start (wrong password, unknown user, bad credentials): the health alarm's input.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    private DigestAuthenticationResult Fail(
        IPAddress source, DigestRejectReason reason, string? claimedUsername, DigestParseError parseError = DigestParseError.None)
    {
        Interlocked.Increment(ref _failures);
        bool blockStarted = _limiter?.RecordFailure(source) ?? false;
        if (blockStarted && _log is not null)
        {
            _log($"SIP digest authentication: blocking {_limiter!.DescribeSource(source)} for {_limiter.BlockDuration} after "
                + $"{_limiter.MaxFailures} failures within {_limiter.FailureWindow}; last: {reason} for user '{ForLog(claimedUsername)}'.");
        }

        return DigestAuthenticationResult.Rejected(reason, claimedUsername, parseError, blockStarted);
    }

    // Usernames come from the network: no control characters (log injection), bounded length.
    private static string ForLog(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        const int MaxLength = 64;
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength) + 1);
        foreach (char c in value.Length > MaxLength ? value.AsSpan(0, MaxLength) : value)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return value.Length > MaxLength ? builder.Append('…').ToString() : builder.ToString();
    }

    private static byte[] RandomHexHa1(DigestAlgorithm algorithm)
    {
        byte[] hex = new byte[2 * DigestAlgorithms.GetHashSize(algorithm)];
        DigestHash.WriteHexLower(RandomNumberGenerator.GetBytes(hex.Length / 2), hex);
        return hex;
    }

    private struct Selection
    {
        public bool SawDigest;
        public DigestParseError FirstParseError;
    }
}
