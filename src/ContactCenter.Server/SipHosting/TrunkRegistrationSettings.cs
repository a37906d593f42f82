namespace ContactCenter.Server.SipHosting;

/// <summary>How trunk registrations retry and how long the server waits for them to unregister when it stops.</summary>
public sealed record TrunkRegistrationSettings
{
    /// <summary>First wait after a failure (also between attempts to resolve the provider's host name); doubles per failure.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a stop waits for the providers to answer the Expires: 0 REGISTERs. An unanswered one would otherwise hold
    /// the shutdown for a whole transaction timeout (32 s); the provider's binding then simply expires.
    /// </summary>
    public TimeSpan UnregisterTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The User-Agent header of our REGISTERs.</summary>
    public string UserAgent { get; init; } = "ContactCenter";
}
