namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 timer base values (Table 4 of Appendix A) and the timers derived from them. T1 is the round-trip
/// estimate, T2 the cap on non-INVITE request and INVITE response retransmission intervals, T4 how long the network
/// may keep a message.
/// </summary>
public sealed record SipTimerSettings
{
    public static SipTimerSettings Default { get; } = new();

    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an INVITE client transaction absorbs final-response retransmissions over UDP: "at least 32 seconds".</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// Wait timers (D, I, J, K, L, M) are rounded up to a multiple of this, so the many transactions completing within
    /// one step expire in one batch rather than waking a thread each. They only absorb retransmissions, so ending up to
    /// one step late changes nothing on the wire. Never applied to retransmission (A, E, G) or timeout (B, F, H) timers.
    /// Zero makes them exact.
    /// </summary>
    public TimeSpan WaitTimerResolution { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How long an INVITE server transaction waits for the TU's own first response before it sends 100 Trying itself.
    /// RFC 3261 §17.2.1 requires the 100 unless the TU answers within 200 ms; a B2BUA relaying the callee's 180 usually
    /// does so within milliseconds, and the 100 it then saves is a seventh of the messages a call sends. A retransmitted
    /// INVITE before then gets the 100 at once. Zero (the default) sends it when the INVITE arrives; at most 200 ms.
    /// </summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The longest <see cref="TryingDelay"/> RFC 3261 §17.2.1 allows.</summary>
    public static readonly TimeSpan MaxTryingDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>64*T1: Timers B, F, H, J, L and M.</summary>
    public TimeSpan TransactionTimeout => T1 * 64;

    /// <summary>Throws when the values cannot drive a transaction (zero or negative, or T2 below T1).</summary>
    public void Validate()
    {
        if (T1 <= TimeSpan.Zero) throw new ArgumentException($"T1 must be positive, got {T1}.", nameof(T1));
        if (T2 < T1) throw new ArgumentException($"T2 ({T2}) must not be below T1 ({T1}).", nameof(T2));
        if (T4 <= TimeSpan.Zero) throw new ArgumentException($"T4 must be positive, got {T4}.", nameof(T4));
        if (WaitTimerResolution < TimeSpan.Zero || WaitTimerResolution > TimeSpan.FromSeconds(1))
            throw new ArgumentException($"The wait timer resolution must be 0 to 1 s, got {WaitTimerResolution}.", nameof(WaitTimerResolution));
        if (TryingDelay < TimeSpan.Zero || TryingDelay > MaxTryingDelay)
            throw new ArgumentException($"The 100 Trying delay must be 0 to {MaxTryingDelay.TotalMilliseconds} ms (RFC 3261 §17.2.1), got {TryingDelay}.", nameof(TryingDelay));
        if (TimerD < TimeSpan.Zero) throw new ArgumentException($"Timer D must not be negative, got {TimerD}.", nameof(TimerD));
    }
}
