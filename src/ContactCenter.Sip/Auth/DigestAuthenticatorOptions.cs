namespace ContactCenter.Sip.Auth;

/// <summary>Settings of <see cref="DigestAuthenticator"/>.</summary>
public sealed class DigestAuthenticatorOptions
{
    /// <summary>
    /// Algorithms offered, one challenge each, most preferred first (RFC 7616 §3.7, RFC 8760 §2.4).
    /// Only these are accepted in credentials. Default SHA-256 then MD5.
    /// </summary>
    /// <remarks>
    /// Clients that read only the first challenge and know only MD5 fail on the default order: sipp 3.6.1
    /// (Debian 12's sip-tester) is one ("authentication must use MD5 or AKAv1-MD5"). Put MD5 first, or
    /// alone, for such peers.
    /// </remarks>
    public IReadOnlyList<DigestAlgorithm> ChallengeAlgorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>
    /// Accept the RFC 2069 form (no qop, no nc, so no replay protection within the nonce lifetime), which
    /// some phones still send. Default true.
    /// </summary>
    public bool AllowMissingQop { get; set; } = true;

    /// <summary>
    /// An opaque value to send in challenges; when set, credentials that return a different opaque are
    /// rejected (credentials without opaque are accepted: the nonce is authenticated on its own).
    /// Default null: none sent.
    /// </summary>
    public string? Opaque { get; set; }
}
