namespace ContactCenter.Sip.Auth;

/// <summary>What <see cref="NonceCountTracker.TryAdvance"/> decided about an nc value.</summary>
public enum NonceCountResult
{
    /// <summary>First use of this nc with this nonce: accept the request.</summary>
    Accepted,

    /// <summary>Already seen, zero, or too far behind the highest seen: a replay; reject.</summary>
    Replayed,

    /// <summary>
    /// The tracker no longer knows this nonce (evicted under memory pressure or expired), so it cannot
    /// tell a replay from a new use: treat the nonce as stale and re-challenge with stale=true.
    /// </summary>
    Forgotten,
}
