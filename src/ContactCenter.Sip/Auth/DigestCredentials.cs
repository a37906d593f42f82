namespace ContactCenter.Sip.Auth;

/// <summary>
/// A parsed Digest Authorization / Proxy-Authorization value (RFC 3261 §25, RFC 7616 §3.4).
/// Every parameter is a slice of the input given to <see cref="DigestCredentialsParser.TryParse"/>:
/// valid only while that buffer is. Unknown parameters are skipped.
/// </summary>
public readonly ref struct DigestCredentials
{
    /// <summary>username: required. Compare with <see cref="DigestParam.ValueEquals"/> or read with ToString().</summary>
    public DigestParam Username { get; init; }

    /// <summary>realm: required.</summary>
    public DigestParam Realm { get; init; }

    /// <summary>nonce: required.</summary>
    public DigestParam Nonce { get; init; }

    /// <summary>uri (digest-uri): required; the Request-URI the client signed.</summary>
    public DigestParam Uri { get; init; }

    /// <summary>response: required; hex digest.</summary>
    public DigestParam Response { get; init; }

    /// <summary>algorithm: optional (absent means MD5). Not validated here: see <see cref="DigestAlgorithms.TryParse"/>.</summary>
    public DigestParam Algorithm { get; init; }

    /// <summary>cnonce: required when qop is present.</summary>
    public DigestParam Cnonce { get; init; }

    /// <summary>opaque: optional, echoed from the challenge.</summary>
    public DigestParam Opaque { get; init; }

    /// <summary>qop: optional (absent means the RFC 2069 form). Not validated here.</summary>
    public DigestParam Qop { get; init; }

    /// <summary>nc as sent (eight hex digits); required when qop is present. Hashed as sent.</summary>
    public DigestParam NonceCountText { get; init; }

    /// <summary>nc as a number; 0 when absent.</summary>
    public uint NonceCount { get; init; }

    /// <summary>userhash=true (RFC 7616 §3.4.4): the username is hashed. Other values read as false.</summary>
    public bool UserHash { get; init; }
}
