namespace ContactCenter.Sip.Dialogs;

/// <summary>Our session timer settings (RFC 4028): the interval we ask for and the smallest we accept.</summary>
public sealed record SessionTimerOptions
{
    /// <summary>RFC 4028 §4: no Min-SE may be below 90 s.</summary>
    public const int AbsoluteMinimumSeconds = 90;

    public static SessionTimerOptions Default { get; } = new();

    /// <summary>The interval we ask for, and the most we let a peer ask (we lower larger requests to it). §4 recommends 1800 s.</summary>
    public int SessionExpiresSeconds { get; init; } = 1800;

    /// <summary>The smallest interval we accept: below it a request gets 422 with this as Min-SE.</summary>
    public int MinSESeconds { get; init; } = AbsoluteMinimumSeconds;

    public void Validate()
    {
        if (MinSESeconds < AbsoluteMinimumSeconds)
            throw new ArgumentException($"Min-SE must be at least {AbsoluteMinimumSeconds} s (RFC 4028 §4), got {MinSESeconds}.", nameof(MinSESeconds));
        if (SessionExpiresSeconds < MinSESeconds || SessionExpiresSeconds > SessionExpires.MaxDeltaSeconds)
            throw new ArgumentException($"Session-Expires must be between Min-SE ({MinSESeconds}) and {SessionExpires.MaxDeltaSeconds} s, got {SessionExpiresSeconds}.", nameof(SessionExpiresSeconds));
    }
}
