namespace ContactCenter.Cti;

/// <summary>How webhooks are delivered and for how long a failing receiver is retried.</summary>
public sealed class CtiWebhookOptions
{
    /// <summary>Timeout of one delivery attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay after the first failure; doubled after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long the oldest undelivered event is retried; past it the subscription is disabled and a
    /// <c>subscription.disabled</c> event is published.
    /// </summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Undelivered events one subscription may accumulate before it is disabled (bounds the database).</summary>
    public int MaxPendingPerSubscription { get; set; } = 100_000;

    /// <summary>Attempts kept in the delivery log per subscription (older ones are pruned).</summary>
    public int DeliveryLogPerSubscription { get; set; } = 1_000;

    internal void Validate()
    {
        Require(AttemptTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), nameof(AttemptTimeout));
        Require(InitialRetryDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1), nameof(InitialRetryDelay));
        Require(MaxRetryDelay, InitialRetryDelay, TimeSpan.FromHours(6), nameof(MaxRetryDelay));
        Require(RetryFor, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(30), nameof(RetryFor));
        CtiOptions.RequireRange(MaxPendingPerSubscription, 1, 100_000_000, "Webhooks:" + nameof(MaxPendingPerSubscription));
        CtiOptions.RequireRange(DeliveryLogPerSubscription, 1, 1_000_000, "Webhooks:" + nameof(DeliveryLogPerSubscription));
    }

    private static void Require(TimeSpan value, TimeSpan min, TimeSpan max, string name)
    {
        if (value < min || value > max)
            throw new InvalidOperationException($"{CtiOptions.SectionName}:Webhooks:{name} must be between {min} and {max}, not {value}.");
    }
}
