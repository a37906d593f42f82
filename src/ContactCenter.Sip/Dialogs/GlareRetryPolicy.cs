namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// RFC 3261 §14.1: after a 491 the UAC retries after a random delay, in units of 10 ms: 2.1-4 s when it owns the
/// Call-ID (it sent the dialog's first INVITE), 0-2 s otherwise, so the two sides do not collide again.
/// </summary>
public static class GlareRetryPolicy
{
    private const int Tick = 10; // ms

    public static readonly TimeSpan OwnerMinimum = TimeSpan.FromMilliseconds(2100);
    public static readonly TimeSpan OwnerMaximum = TimeSpan.FromSeconds(4);
    public static readonly TimeSpan OtherMaximum = TimeSpan.FromSeconds(2);

    /// <summary>The delay before re-sending a re-INVITE/UPDATE that got 491.</summary>
    /// <param name="random">Tests pass a seeded one; <see cref="Random.Shared"/> when null.</param>
    public static TimeSpan RetryDelay(bool ownsCallId, Random? random = null)
    {
        random ??= Random.Shared;
        return ownsCallId
            ? TimeSpan.FromMilliseconds(Tick * random.Next((int)OwnerMinimum.TotalMilliseconds / Tick, (int)OwnerMaximum.TotalMilliseconds / Tick + 1))
            : TimeSpan.FromMilliseconds(Tick * random.Next(0, (int)OtherMaximum.TotalMilliseconds / Tick + 1));
    }

    /// <summary>§14.2: the Retry-After seconds (0-10) of a 500 refusing an INVITE that overlaps an unanswered one.</summary>
    public static int ServerErrorRetryAfter(Random? random = null) => (random ?? Random.Shared).Next(0, 11);
}
