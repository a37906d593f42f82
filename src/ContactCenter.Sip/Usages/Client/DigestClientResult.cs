namespace ContactCenter.Sip.Usages.Client;

/// <summary>What <see cref="DigestClient.Answer"/> decided about a 401/407.</summary>
public sealed record DigestClientResult
{
    private DigestClientResult(bool canRetry, IReadOnlyList<DigestAuthorizationHeader> headers, string? failureReason, bool stale)
    {
        CanRetry = canRetry;
        Headers = headers;
        FailureReason = failureReason;
        Stale = stale;
    }

    /// <summary>True: re-issue the request with <see cref="Headers"/> (see <see cref="SipRequestRewriter.Reissue"/>).</summary>
    public bool CanRetry { get; }

    /// <summary>The credentials headers to add (one per challenged realm); empty on failure.</summary>
    public IReadOnlyList<DigestAuthorizationHeader> Headers { get; }

    /// <summary>Why the challenge cannot be answered (wrong password, no credentials for the realm, unsupported algorithm, loop); null when it can.</summary>
    public string? FailureReason { get; }

    /// <summary>The retry answers a stale=true challenge: the password was right, only the nonce had expired.</summary>
    public bool Stale { get; }

    internal static DigestClientResult Retry(IReadOnlyList<DigestAuthorizationHeader> headers, bool stale) => new(true, headers, null, stale);

    internal static DigestClientResult Fail(string reason) => new(false, [], reason, false);
}
