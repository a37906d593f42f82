namespace ContactCenter.Sip.Auth;

/// <summary>What <see cref="DigestAuthenticator"/> decided about one request. A value: nothing allocated.</summary>
public readonly struct DigestAuthenticationResult
{
    private DigestAuthenticationResult(
        DigestAuthenticationOutcome outcome, string? username, bool stale, DigestRejectReason reason,
        DigestParseError parseError, bool blockStarted)
    {
        Outcome = outcome;
        Username = username;
        Stale = stale;
        Reason = reason;
        ParseError = parseError;
        BlockStarted = blockStarted;
    }

    /// <summary>Which of the four answers this is.</summary>
    public DigestAuthenticationOutcome Outcome { get; }

    /// <summary>
    /// Authenticated: the verified user. Rejected: the username the client claimed, when it got that far
    /// (unverified, attacker-controlled: for logs only). Otherwise null.
    /// </summary>
    public string? Username { get; }

    /// <summary>Challenge: send stale=true (the client's password was right, only the nonce was old).</summary>
    public bool Stale { get; }

    /// <summary>Rejected: why.</summary>
    public DigestRejectReason Reason { get; }

    /// <summary>Rejected with <see cref="DigestRejectReason.MalformedCredentials"/>: the parser's reason.</summary>
    public DigestParseError ParseError { get; }

    /// <summary>Rejected: this failure made the limiter block the source (log it once).</summary>
    public bool BlockStarted { get; }

    /// <summary>Whether the request is authenticated.</summary>
    public bool IsAuthenticated => Outcome == DigestAuthenticationOutcome.Authenticated;

    /// <summary>An authenticated request from <paramref name="username"/>.</summary>
    public static DigestAuthenticationResult Authenticated(string username) =>
        new(DigestAuthenticationOutcome.Authenticated, username, false, DigestRejectReason.None, DigestParseError.None, false);

    /// <summary>A request to challenge, with stale=true when <paramref name="stale"/>.</summary>
    public static DigestAuthenticationResult Challenge(bool stale) =>
        new(DigestAuthenticationOutcome.Challenge, null, stale, DigestRejectReason.None, DigestParseError.None, false);

    /// <summary>A refused request.</summary>
    public static DigestAuthenticationResult Rejected(
        DigestRejectReason reason, string? claimedUsername = null, DigestParseError parseError = DigestParseError.None, bool blockStarted = false) =>
        new(DigestAuthenticationOutcome.Rejected, claimedUsername, false, reason, parseError, blockStarted);

    /// <summary>A request from a blocked source.</summary>
    public static DigestAuthenticationResult Blocked() =>
        new(DigestAuthenticationOutcome.Blocked, null, false, DigestRejectReason.None, DigestParseError.None, false);

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        DigestAuthenticationOutcome.Authenticated => $"Authenticated({Username})",
        DigestAuthenticationOutcome.Challenge => $"Challenge(stale: {Stale})",
        DigestAuthenticationOutcome.Rejected when Reason == DigestRejectReason.MalformedCredentials => $"Rejected({Reason}: {ParseError})",
        DigestAuthenticationOutcome.Rejected => $"Rejected({Reason})",
        _ => Outcome.ToString(),
    };
}
