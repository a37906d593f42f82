namespace ContactCenter.Sip.Auth;

/// <summary>
/// Remembers which nonce-count (nc) values each nonce has used, to reject replays (RFC 7616 §3.4.4,
/// §5.5). Per nonce it keeps the highest nc seen and a 64-bit window of values below it, so requests
/// reordered by UDP are still accepted once each while any repeat is refused.
/// Memory is bounded: entries go when their nonce expires, and above the capacity the oldest are
/// evicted; a nonce issued no later than the newest evicted one is then reported as
/// <see cref="NonceCountResult.Forgotten"/> rather than accepted, so eviction never opens a replay.
/// Thread-safe.
/// </summary>
public sealed class NonceCountTracker
{
    /// <summary>Capacity used when none is given.</summary>
    public const int DefaultCapacity = 100_000;

    private const int WindowSize = 64;

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _nonceLifetime;
    private readonly int _capacity;
    private readonly Dictionary<NonceKey, Window> _entries = new();
    private readonly Lock _gate = new();
    private long _nextSweepUnixMilliseconds;
    private long _forgottenUpToUnixMilliseconds = long.MinValue;

    /// <param name="timeProvider">Clock; the same as the <see cref="NonceService"/>'s.</param>
    /// <param name="nonceLifetime">The nonce lifetime (<see cref="NonceService.Lifetime"/>): entries live as long.</param>
    /// <param name="capacity">Most nonces remembered at once.</param>
    public NonceCountTracker(TimeProvider timeProvider, TimeSpan nonceLifetime, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(nonceLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        _nonceLifetime = nonceLifetime;
        _capacity = capacity;
    }

    /// <summary>Nonces currently remembered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Records <paramref name="nonceCount"/> for <paramref name="nonce"/> if it is new. Call only after the
    /// response digest has been verified, or anyone could burn a victim's nc values.
    /// </summary>
    public NonceCountResult TryAdvance(NonceKey nonce, uint nonceCount)
    {
        if (nonceCount == 0)
        {
            return NonceCountResult.Replayed;
        }

        long now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (NonceService.IsExpired(nonce, now, _nonceLifetime))
            {
                return NonceCountResult.Forgotten;
            }

            if (_entries.TryGetValue(nonce, out Window window))
            {
                if (!window.TryAdd(nonceCount, out Window advanced))
                {
                    return NonceCountResult.Replayed;
                }

                _entries[nonce] = advanced;
                return NonceCountResult.Accepted;
            }

            if (nonce.IssuedAtUnixMilliseconds <= _forgottenUpToUnixMilliseconds)
            {
                return NonceCountResult.Forgotten;
            }

            if (_entries.Count >= _capacity || now >= _nextSweepUnixMilliseconds)
            {
                Sweep(now);
                if (nonce.IssuedAtUnixMilliseconds <= _forgottenUpToUnixMilliseconds)
                {
                    return NonceCountResult.Forgotten;
                }
            }

            _entries.Add(nonce, Window.Start(nonceCount));
            return NonceCountResult.Accepted;
        }
    }

    private void Sweep(long now)
    {
        foreach (NonceKey key in _entries.Keys)
        {
            if (NonceService.IsExpired(key, now, _nonceLifetime))
            {
                _entries.Remove(key);
            }
        }

        // A full scan costs O(n); doing it at most four times per lifetime keeps it amortized cheap.
        _nextSweepUnixMilliseconds = now + Math.Max(1, (long)_nonceLifetime.TotalMilliseconds / 4);
        if (_entries.Count < _capacity)
        {
            return;
        }

        // Evict down to 90% so the next eviction is at least capacity/10 insertions away.
        int target = _capacity - Math.Max(1, _capacity / 10);
        NonceKey[] byAge = [.. _entries.Keys];
        Array.Sort(byAge, static (a, b) => a.IssuedAtUnixMilliseconds.CompareTo(b.IssuedAtUnixMilliseconds));
        int evict = byAge.Length - target;
        long newestEvicted = long.MinValue;
        for (int i = 0; i < evict; i++)
        {
            _entries.Remove(byAge[i]);
            newestEvicted = byAge[i].IssuedAtUnixMilliseconds;
        }

        _forgottenUpToUnixMilliseconds = Math.Max(_forgottenUpToUnixMilliseconds, newestEvicted);
    }

    private readonly record struct Window(uint Highest, ulong SeenBelowHighest)
    {
        public static Window Start(uint nonceCount) => new(nonceCount, 0);

        // Bit i of SeenBelowHighest set means Highest - 1 - i has been used.
        public bool TryAdd(uint nonceCount, out Window advanced)
        {
            if (nonceCount > Highest)
            {
                uint shift = nonceCount - Highest;
                // C# masks shift counts to 6 bits, so a shift of 64 or more needs its own case.
                ulong seen = shift > WindowSize ? 0
                    : shift == WindowSize ? 1UL << (WindowSize - 1)
                    : (SeenBelowHighest << (int)shift) | (1UL << (int)(shift - 1));
                advanced = new Window(nonceCount, seen);
                return true;
            }

            uint behind = Highest - nonceCount;
            if (behind == 0 || behind > WindowSize)
            {
                advanced = this;
                return false;
            }

            ulong bit = 1UL << (int)(behind - 1);
            if ((SeenBelowHighest & bit) != 0)
            {
                advanced = this;
                return false;
            }

            advanced = new Window(Highest, SeenBelowHighest | bit);
            return true;
        }
    }
}
