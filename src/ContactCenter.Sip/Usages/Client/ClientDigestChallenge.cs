using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>
/// One Digest challenge as a client reads it from a 401 WWW-Authenticate or a 407 Proxy-Authenticate value
/// (RFC 3261 §22.4, RFC 7616 §3.3, RFC 8760).
/// </summary>
/// <param name="IsProxy">Came in Proxy-Authenticate (answer with Proxy-Authorization).</param>
/// <param name="Realm">The protection space; credentials are looked up by it.</param>
/// <param name="Nonce">The server nonce.</param>
/// <param name="Opaque">Returned unchanged when present.</param>
/// <param name="AlgorithmName">The algorithm token as sent, "MD5" when absent (RFC 7616 §3.3).</param>
/// <param name="Algorithm">The algorithm, or null when it is one we cannot compute (MD5-sess, SHA-512-256, …).</param>
/// <param name="QopOffered">Whether a qop parameter was present at all (absent: the RFC 2069 response form).</param>
/// <param name="QopAuth">Whether "auth" is among the qop options.</param>
/// <param name="QopAuthInt">Whether "auth-int" is among the qop options (we never choose it).</param>
/// <param name="Stale">stale=true: the nonce expired, the credentials were fine; retry at once.</param>
public sealed record ClientDigestChallenge(
    bool IsProxy,
    string Realm,
    string Nonce,
    string? Opaque,
    string AlgorithmName,
    DigestAlgorithm? Algorithm,
    bool QopOffered,
    bool QopAuth,
    bool QopAuthInt,
    bool Stale)
{
    /// <summary>
    /// Whether this client can answer it: a known algorithm, and when qop is offered, "auth" among the options
    /// (a challenge offering only auth-int is not answered).
    /// </summary>
    public bool IsSupported => Algorithm is not null && (!QopOffered || QopAuth);
}
