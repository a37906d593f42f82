namespace ContactCenter.Sip.Usages.Client;

/// <summary>When an outbound registration refreshes and when it retries.</summary>
public static class RegistrationTiming
{
    /// <summary>Retry-After values above this are not waited for in full.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Refresh before the binding ends: granted − min(32 s, granted/2) (so 3600 s → 3568 s, 60 s → 30 s), leaving a
    /// UDP transaction's whole timeout (64·T1) to complete when the interval allows; never under one second.
    /// </summary>
    public static TimeSpan RefreshDelay(int grantedSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grantedSeconds, 1);
        double margin = Math.Min(32.0, grantedSeconds / 2.0);
        return TimeSpan.FromSeconds(Math.Max(1.0, grantedSeconds - margin));
    }

    /// <summary>
    /// The wait after the <paramref name="failures"/>-th consecutive failure: first × 2^(failures−1), capped at
    /// <paramref name="max"/>, then shortened by up to <paramref name="jitter"/> of itself (<paramref name="random"/> in
    /// [0, 1)); a longer Retry-After from the server wins, up to <see cref="MaxRetryAfter"/>.
    /// </summary>
    public static TimeSpan RetryDelay(int failures, TimeSpan? retryAfter, TimeSpan first, TimeSpan max, double jitter, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        double doubling = Math.Pow(2, Math.Min(failures - 1, 30));
        var capped = TimeSpan.FromTicks((long)Math.Min(max.Ticks, first.Ticks * doubling));
        var delay = capped * (1.0 - (jitter * Math.Clamp(random, 0.0, 1.0)));
        if (retryAfter is { } serverSays && serverSays > delay) delay = serverSays < MaxRetryAfter ? serverSays : MaxRetryAfter;
        return delay;
    }
}
