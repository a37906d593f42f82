namespace ContactCenter.Sip.Auth;

/// <summary>
/// The four answers of <see cref="DigestAuthenticator"/>. Authenticated is deliberately not the zero value,
/// so a default <see cref="DigestAuthenticationResult"/> means "challenge", never "let in".
/// </summary>
public enum DigestAuthenticationOutcome
{
    /// <summary>
    /// No usable credentials (none, another scheme, an unknown or expired nonce): answer 401 (407 on a
    /// proxy) with <see cref="DigestAuthenticator.CreateChallenges"/>, passing <see cref="DigestAuthenticationResult.Stale"/>.
    /// </summary>
    Challenge,

    /// <summary>
    /// Credentials present but refused (<see cref="DigestAuthenticationResult.Reason"/>). Answer 403 for every
    /// reason, so an unknown user looks like a wrong password; a registrar may re-challenge instead.
    /// </summary>
    Rejected,

    /// <summary>The source is blocked after repeated failures: answer 403 or drop, without further work.</summary>
    Blocked,

    /// <summary>Credentials verified: process the request as <see cref="DigestAuthenticationResult.Username"/>.</summary>
    Authenticated,
}
