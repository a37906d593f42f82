namespace ContactCenter.Server.Configuration;

/// <summary>The <c>ContactCenter:Sip:Registrar</c> section.</summary>
public sealed class RegistrarOptions
{
    /// <summary>Shortest binding accepted; shorter requested expiries get 423 Interval Too Brief.</summary>
    public int MinExpires { get; set; } = 60;

    /// <summary>Longest binding granted; longer requests are shortened to this.</summary>
    public int MaxExpires { get; set; } = 3600;

    /// <summary>Expiry used when a REGISTER names none.</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>How long a digest nonce is accepted before the client is told stale=true.</summary>
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>Failed authentications from one source, within the window, that trigger a block.</summary>
    public int AuthFailureLimit { get; set; } = 5;

    /// <summary>Window over which authentication failures are counted.</summary>
    public int AuthFailureWindowSeconds { get; set; } = 60;

    /// <summary>How long a source stays blocked after reaching the failure limit.</summary>
    public int BlockSeconds { get; set; } = 300;

    /// <summary>
    /// Digest algorithms offered in 401 challenges, most preferred first, comma-separated: <c>MD5</c>, <c>SHA-256</c>. MD5 alone by
    /// default because sipp, baresip and many desk phones refuse to register when any SHA-256 challenge is present.
    /// </summary>
    public string DigestAlgorithms { get; set; } = "MD5";

    /// <summary><see cref="DigestAlgorithms"/> split at commas.</summary>
    public IReadOnlyList<string> DigestAlgorithmList =>
        DigestAlgorithms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public TimeSpan NonceLifetime => TimeSpan.FromSeconds(NonceLifetimeSeconds);

    public TimeSpan AuthFailureWindow => TimeSpan.FromSeconds(AuthFailureWindowSeconds);

    public TimeSpan BlockDuration => TimeSpan.FromSeconds(BlockSeconds);
}
