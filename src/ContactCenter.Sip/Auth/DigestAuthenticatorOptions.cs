namespace ContactCenter.Sip.Auth;

/// <summary>Settings of <see cref="DigestAuthenticator"/>.</summary>
public sealed class DigestAuthenticatorOptions
{
    /// <summary>
    /// Algorithms offered, one challenge each, most preferred first (RFC 7616 §3.7, RFC 8760 §2.4).
    /// Only these are accepted in credentials. Default SHA-256 then MD5.
    /// </summary>
    /// <remarks>
    /// Older clients fail on a SHA-256 challenge instead of skipping it. Tried on Debian 12: sipp 3.6.1 fails
    /// when SHA-256 comes first ("authentication must use MD5 or AKAv1-MD5") and works with MD5 first;
    /// baresip 1.0.0 (libre 1.1.0) fails on any SHA-256 challenge ("Register: Function not implemented")
    /// and works only with MD5 alone. Offer [Md5] where such phones register.
    /// </remarks>
    public IReadOnlyList<DigestAlgorithm> ChallengeAlgorithms { get; set; } = [DigestAlgorithm.Sha256, DigestAlgorithm.Md5];

    /// <summary>
    /// Accept the RFC 2069 form (no qop, no nc, so no replay protection within the nonce lifetime), which
    /// some phones still send. Default true.
    /// </summary>
    public bool AllowMissingQop { get; set; } = true;

    /// <summary>
    /// Require the uri parameter to equal the Request-URI byte for byte (RFC 7616 §3.4.6). Default true.
    /// Turn off for clients that sign another URI, e.g. sipp, which signs sip:remote_ip:port unless given
    /// -auth_uri; the digest is then checked over the uri the client sent.
    /// </summary>
    public bool RequireUriMatch { get; set; } = true;

    /// <summary>
    /// An opaque value to send in challenges; when set, credentials that return a different opaque are
    /// rejected (credentials without opaque are accepted: the nonce is authenticated on its own).
    /// Default null: none sent.
    /// </summary>
    public string? Opaque { get; set; }
}
