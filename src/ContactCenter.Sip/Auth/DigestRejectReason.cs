namespace ContactCenter.Sip.Auth;

/// <summary>Why credentials were refused. For logs: the network must see the same answer for all of them.</summary>
public enum DigestRejectReason
{
    /// <summary>Not rejected.</summary>
    None,

    /// <summary>The response digest does not match the stored HA1.</summary>
    WrongPassword,

    /// <summary>The credential store does not know the user (answered like a wrong password, after equal work).</summary>
    UnknownUser,

    /// <summary>The nc value was used before with this nonce: a replay.</summary>
    NonceCountReplay,

    /// <summary>Digest credentials were present, but none for the realm being authenticated. Not counted as a failure.</summary>
    RealmMismatch,

    /// <summary>The uri parameter is not the Request-URI (RFC 7616 §3.4.6).</summary>
    UriMismatch,

    /// <summary>algorithm names one that is unknown, or not among the ones this server offers.</summary>
    UnsupportedAlgorithm,

    /// <summary>qop is not "auth" (auth-int is not offered).</summary>
    UnsupportedQop,

    /// <summary>qop is absent and <see cref="DigestAuthenticatorOptions.AllowMissingQop"/> is false.</summary>
    QopRequired,

    /// <summary>userhash=true (RFC 7616 §3.4.4) is not supported.</summary>
    UserhashNotSupported,

    /// <summary>opaque differs from the one this server sends.</summary>
    OpaqueMismatch,

    /// <summary>Digest credentials that cannot be parsed; see <see cref="DigestAuthenticationResult.ParseError"/>.</summary>
    MalformedCredentials,
}
