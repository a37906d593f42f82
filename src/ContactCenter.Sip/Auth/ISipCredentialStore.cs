namespace ContactCenter.Sip.Auth;

/// <summary>
/// Where the authenticator finds a user's HA1 (RFC 7616 §3.4.2: H(username ":" realm ":" password)).
/// Implementations keep HA1 values, never passwords, and must be thread-safe and fast: this is called
/// once per authenticated request.
/// </summary>
public interface ISipCredentialStore
{
    /// <summary>The HA1 of <paramref name="user"/> in <paramref name="realm"/> for <paramref name="algorithm"/>, as hex.</summary>
    /// <returns>False when the user is unknown (or has no HA1 for that algorithm).</returns>
    bool TryGetHa1(string user, string realm, DigestAlgorithm algorithm, out string ha1Hex);
}
