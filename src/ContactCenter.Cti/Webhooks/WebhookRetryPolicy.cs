namespace ContactCenter.Cti.Webhooks;

/// <summary>
/// Exponential backoff with jitter: after failure n the next attempt waits a random time between half and all of
/// min(max, initial · 2^(n-1)). The jitter spreads receivers' recoveries so a restarted receiver is not hit by every
/// subscription at the same instant.
/// </summary>
public static class WebhookRetryPolicy
{
    /// <summary>The wait after failure number <paramref name="failures"/> (1 = first failure); <paramref name="random"/> in [0, 1).</summary>
    public static TimeSpan Delay(long failures, CtiWebhookOptions options, double random)
    {
        double exponent = Math.Min(Math.Max(failures - 1, 0), 40);
        double ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * random));
    }
}
