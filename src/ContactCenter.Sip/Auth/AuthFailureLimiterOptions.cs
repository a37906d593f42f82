namespace ContactCenter.Sip.Auth;

/// <summary>Settings of <see cref="AuthFailureLimiter"/>.</summary>
public sealed class AuthFailureLimiterOptions
{
    /// <summary>Failures within <see cref="FailureWindow"/> that block a source. Default 10.</summary>
    public int MaxFailures { get; set; } = 10;

    /// <summary>
    /// The window failures are counted in; it starts at a source's first failure and restarts after it
    /// elapses. Default 1 minute.
    /// </summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a blocked source stays blocked. Default 5 minutes.</summary>
    public TimeSpan BlockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most sources remembered at once, so an attack from many addresses cannot exhaust memory. Default 65,536.</summary>
    public int MaxTrackedSources { get; set; } = 65_536;

    /// <summary>
    /// IPv6 sources are counted per prefix of this length (default 64: one subscriber's network), since
    /// one host can use any address of its /64. 128 counts each address alone.
    /// </summary>
    public int IPv6PrefixLength { get; set; } = 64;
}
