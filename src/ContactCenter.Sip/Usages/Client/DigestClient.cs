using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// The client side of SIP Digest (RFC 3261 §22.2–22.3, RFC 7616, RFC 8760): answers the challenges of a 401/407 with
/// Authorization / Proxy-Authorization values, one per challenged realm, choosing SHA-256 over MD5 when both are
/// offered (RFC 8760 §2.4) and qop=auth whenever qop is offered. Keeps the nonce counts (nc) per nonce, and guards
/// against loops: within one request (see <see cref="StartNewRequest"/>) a second challenge for a realm already
/// answered is a failure unless it says stale=true, and stale retries are bounded.
/// </summary>
/// <remarks>
/// A realm challenged again without stale=true fails whatever its nonce: a server that rejects a wrong password
/// with a fresh nonce (Asterisk does) would otherwise make the client retry forever. Thread-safe.
/// </remarks>
public sealed class DigestClient
{
    /// <summary>stale=true retries allowed for one request before giving up (a server that always says stale).</summary>
    public const int MaxStaleRetries = 3;

    /// <summary>Challenge rounds answered for one request (several proxies may each challenge once).</summary>
    public const int MaxRounds = 8;

    // Nonces whose count is remembered; a server that sends a new nonce every time must not grow this without bound.
    private const int MaxRememberedNonces = 32;

    private readonly ITrunkCredentials _credentials;
    private readonly Func<string> _newCnonce;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);
    private readonly HashSet<(bool IsProxy, string Realm)> _answered = [];
    private int _staleRetries;
    private int _rounds;

    /// <param name="credentials">Looked up by the challenge's realm.</param>
    /// <param name="cnonceFactory">Makes client nonces; random 128 bits (hex) when null. Tests pass a fixed one for RFC vectors.</param>
    public DigestClient(ITrunkCredentials credentials, Func<string>? cnonceFactory = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _credentials = credentials;
        _newCnonce = cnonceFactory ?? NewCnonce;
    }

    /// <summary>Forgets which realms were answered: call it before sending a new request (not a retry of the last one).</summary>
    public void StartNewRequest()
    {
        lock (_gate)
        {
            _answered.Clear();
            _staleRetries = 0;
            _rounds = 0;
        }
    }

    /// <summary>
    /// Answers the 401/407 <paramref name="response"/> to <paramref name="request"/> (the request as sent: its method and
    /// Request-URI go into the digest).
    /// </summary>
    public DigestClientResult Answer(SipMessage request, SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode is not (401 or 407)) return DigestClientResult.Fail($"{response.StatusCode} is not a challenge.");
        var challenges = ClientDigestChallengeParser.FromResponse(response);
        string method = Encoding.UTF8.GetString(request.MethodName.Span);
        string uri = Encoding.UTF8.GetString(request.RequestUriBytes.Span);
        return Answer(challenges, method, uri);
    }

    /// <summary>Answers already-parsed challenges for a request of <paramref name="method"/> to <paramref name="uri"/> (the Request-URI as sent).</summary>
    public DigestClientResult Answer(IReadOnlyList<ClientDigestChallenge> challenges, string method, string uri)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        if (challenges.Count == 0) return DigestClientResult.Fail("The challenge carries no Digest challenge this client can read.");

        var headers = new List<DigestAuthorizationHeader>(1);
        bool anyStale = false;
        string? lastProblem = null;
        lock (_gate)
        {
            if (++_rounds > MaxRounds) return DigestClientResult.Fail($"Challenged more than {MaxRounds} times for one request.");
            foreach (var group in challenges.GroupBy(c => (c.IsProxy, c.Realm)))
            {
                var credentials = _credentials.Find(group.Key.Realm);
                if (credentials is null)
                {
                    lastProblem = $"No credentials for realm \"{group.Key.Realm}\".";
                    continue;
                }
                var chosen = Choose(group, credentials, group.Key.Realm, out string ha1);
                if (chosen is null)
                {
                    lastProblem = $"No supported Digest challenge for realm \"{group.Key.Realm}\" (offered: {string.Join(", ", group.Select(c => c.AlgorithmName))}).";
                    continue;
                }
                if (_answered.Contains(group.Key))
                {
                    if (!chosen.Stale) return DigestClientResult.Fail($"Credentials for realm \"{group.Key.Realm}\" were rejected (challenged again without stale=true).");
                    if (++_staleRetries > MaxStaleRetries) return DigestClientResult.Fail($"Realm \"{group.Key.Realm}\" kept answering stale=true.");
                    anyStale = true;
                }
                _answered.Add(group.Key);
                headers.Add(new DigestAuthorizationHeader(chosen.IsProxy ? HeaderId.ProxyAuthorization : HeaderId.Authorization,
                    chosen.Realm, FormatLocked(chosen, credentials.Username, ha1, method, uri)));
            }
        }
        return headers.Count > 0 ? DigestClientResult.Retry(headers, anyStale) : DigestClientResult.Fail(lastProblem ?? "Nothing to answer.");
    }

    /// <summary>
    /// The best answerable challenge of one realm: supported, with an HA1 available for its algorithm, SHA-256 before
    /// MD5 (RFC 8760 §2.4), and otherwise the server's order (RFC 7616 §3.7: the server lists its preference first).
    /// </summary>
    internal static ClientDigestChallenge? Choose(IEnumerable<ClientDigestChallenge> challenges, SipClientCredentials credentials, string realm, out string ha1)
    {
        ha1 = "";
        ClientDigestChallenge? best = null;
        foreach (var challenge in challenges)
        {
            if (!challenge.IsSupported) continue;
            if (best is not null && Rank(challenge.Algorithm!.Value) <= Rank(best.Algorithm!.Value)) continue;
            if (!credentials.TryGetHa1(realm, challenge.Algorithm!.Value, out string candidate)) continue;
            best = challenge;
            ha1 = candidate;
        }
        return best;
    }

    private static int Rank(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Sha256 ? 2 : 1;

    private string FormatLocked(ClientDigestChallenge challenge, string username, string ha1, string method, string uri)
    {
        var algorithm = challenge.Algorithm!.Value;
        var sb = new StringBuilder(256);
        sb.Append("Digest username=\"").Append(Escape(username))
          .Append("\", realm=\"").Append(Escape(challenge.Realm))
          .Append("\", nonce=\"").Append(Escape(challenge.Nonce))
          .Append("\", uri=\"").Append(Escape(uri)).Append('"');
        string response;
        if (challenge.QopOffered)
        {
            uint count = NextNonceCountLocked(challenge.Nonce);
            string nc = count.ToString("x8", CultureInfo.InvariantCulture);
            string cnonce = _newCnonce();
            response = DigestHash.ComputeResponse(algorithm, ha1, challenge.Nonce, method, uri, "auth", nc, cnonce);
            sb.Append(", response=\"").Append(response).Append("\", algorithm=").Append(DigestAlgorithms.GetName(algorithm))
              .Append(", cnonce=\"").Append(Escape(cnonce)).Append("\", qop=auth, nc=").Append(nc);
        }
        else
        {
            response = DigestHash.ComputeResponse(algorithm, ha1, challenge.Nonce, method, uri);
            sb.Append(", response=\"").Append(response).Append("\", algorithm=").Append(DigestAlgorithms.GetName(algorithm));
        }
        if (challenge.Opaque is not null) sb.Append(", opaque=\"").Append(Escape(challenge.Opaque)).Append('"');
        return sb.ToString();
    }

    private uint NextNonceCountLocked(string nonce)
    {
        if (!_nonceCounts.TryGetValue(nonce, out uint count) && _nonceCounts.Count >= MaxRememberedNonces) _nonceCounts.Clear();
        _nonceCounts[nonce] = ++count;
        return count;
    }

    private static string Escape(string value)
    {
        // Values were read from a header or configured; a CR or LF would end the header, so it cannot be sent.
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new ArgumentException("A Digest value cannot contain CR or LF.", nameof(value));
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    private static string NewCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
