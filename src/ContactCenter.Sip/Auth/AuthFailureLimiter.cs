using System.Net;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// Blocks a source address for a while after repeated authentication failures (brute force and toll
/// fraud scanners). Counts per source (<see cref="AuthFailureLimiterOptions.IPv6PrefixLength"/> groups
/// IPv6), on <see cref="TimeProvider"/>, with bounded memory: idle sources are dropped, and above
/// <see cref="AuthFailureLimiterOptions.MaxTrackedSources"/> the least recently active unblocked
/// sources are evicted first. Thread-safe.
/// </summary>
/// <remarks>
/// Phones behind one NAT share an address: one misconfigured phone can block its neighbours, and a
/// success from any of them resets the count. The defaults are generous for that reason.
/// </remarks>
public sealed class AuthFailureLimiter
{
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<AuthFailureSourceKey, Entry> _entries = new();
    private readonly Lock _gate = new();
    private readonly long _windowTicks;
    private readonly long _blockTicks;
    private long _nextSweepTicks;
    private volatile int _count;

    /// <param name="timeProvider">Clock for windows and blocks.</param>
    /// <param name="options">Settings; null uses the defaults of <see cref="AuthFailureLimiterOptions"/>.</param>
    public AuthFailureLimiter(TimeProvider timeProvider, AuthFailureLimiterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new AuthFailureLimiterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxFailures, 1, "options.MaxFailures");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.FailureWindow, TimeSpan.Zero, "options.FailureWindow");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BlockDuration, TimeSpan.Zero, "options.BlockDuration");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTrackedSources, 1, "options.MaxTrackedSources");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IPv6PrefixLength, 1, "options.IPv6PrefixLength");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.IPv6PrefixLength, 128, "options.IPv6PrefixLength");
        _timeProvider = timeProvider;
        MaxFailures = options.MaxFailures;
        FailureWindow = options.FailureWindow;
        BlockDuration = options.BlockDuration;
        MaxTrackedSources = options.MaxTrackedSources;
        IPv6PrefixLength = options.IPv6PrefixLength;
        _windowTicks = options.FailureWindow.Ticks;
        _blockTicks = options.BlockDuration.Ticks;
    }

    /// <summary>Failures within <see cref="FailureWindow"/> that block a source.</summary>
    public int MaxFailures { get; }

    /// <summary>The window failures are counted in.</summary>
    public TimeSpan FailureWindow { get; }

    /// <summary>How long a block lasts.</summary>
    public TimeSpan BlockDuration { get; }

    /// <summary>Most sources remembered at once.</summary>
    public int MaxTrackedSources { get; }

    /// <summary>Prefix length IPv6 sources are grouped by.</summary>
    public int IPv6PrefixLength { get; }

    /// <summary>Sources currently remembered (counting or blocked).</summary>
    public int TrackedSourceCount => _count;

    /// <summary>Whether requests from <paramref name="source"/> should be refused without looking at them.</summary>
    public bool IsBlocked(IPAddress source) => GetBlockedUntil(source) is not null;

    /// <summary>When the block on <paramref name="source"/> ends, or null if it is not blocked.</summary>
    public DateTimeOffset? GetBlockedUntil(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_count == 0)
        {
            return null;
        }

        AuthFailureSourceKey key = AuthFailureSourceKey.From(source, IPv6PrefixLength);
        long now = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry entry) && entry.BlockedUntilTicks > now)
            {
                return new DateTimeOffset(entry.BlockedUntilTicks, TimeSpan.Zero);
            }
        }

        return null;
    }

    /// <summary>
    /// Counts one failure from <paramref name="source"/>. Returns true exactly when this failure starts a
    /// block, so the caller logs once per block. Failures while blocked are not counted.
    /// </summary>
    public bool RecordFailure(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        AuthFailureSourceKey key = AuthFailureSourceKey.From(source, IPv6PrefixLength);
        long now = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out Entry entry))
            {
                if (_entries.Count >= MaxTrackedSources || now >= _nextSweepTicks)
                {
                    Sweep(now);
                }

                entry = new Entry { WindowStartTicks = now };
            }

            if (entry.BlockedUntilTicks > now)
            {
                return false;
            }

            if (now - entry.WindowStartTicks >= _windowTicks)
            {
                entry.WindowStartTicks = now;
                entry.Failures = 0;
            }

            entry.Failures++;
            entry.LastFailureTicks = now;
            bool blocks = entry.Failures >= MaxFailures;
            if (blocks)
            {
                entry.BlockedUntilTicks = now + _blockTicks;
                entry.Failures = 0;
            }

            _entries[key] = entry;
            _count = _entries.Count;
            return blocks;
        }
    }

    /// <summary>Forgets the failures counted for <paramref name="source"/>; an active block stays.</summary>
    public void RecordSuccess(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_count == 0)
        {
            return;
        }

        AuthFailureSourceKey key = AuthFailureSourceKey.From(source, IPv6PrefixLength);
        long now = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry entry) && entry.BlockedUntilTicks <= now)
            {
                _entries.Remove(key);
                _count = _entries.Count;
            }
        }
    }

    /// <summary>The name under which <paramref name="source"/> is counted, for log lines ("192.0.2.7", "2001:db8::/64").</summary>
    public string DescribeSource(IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return AuthFailureSourceKey.Describe(source, IPv6PrefixLength);
    }

    private void Sweep(long now)
    {
        foreach (KeyValuePair<AuthFailureSourceKey, Entry> pair in _entries)
        {
            if (pair.Value.BlockedUntilTicks <= now && now - pair.Value.WindowStartTicks >= _windowTicks)
            {
                _entries.Remove(pair.Key);
            }
        }

        // Scans are O(n): at most one per window unless the table is full.
        _nextSweepTicks = now + _windowTicks;
        if (_entries.Count >= MaxTrackedSources)
        {
            // Evict down to 90% so the next eviction is at least a tenth of the capacity away. Counting
            // sources go before blocked ones (least recently failing first), then the blocks ending soonest.
            int target = MaxTrackedSources - Math.Max(1, MaxTrackedSources / 10);
            KeyValuePair<AuthFailureSourceKey, Entry>[] victims = [.. _entries];
            Array.Sort(victims, (a, b) =>
            {
                bool aBlocked = a.Value.BlockedUntilTicks > now;
                bool bBlocked = b.Value.BlockedUntilTicks > now;
                if (aBlocked != bBlocked)
                {
                    return aBlocked ? 1 : -1;
                }

                return aBlocked
                    ? a.Value.BlockedUntilTicks.CompareTo(b.Value.BlockedUntilTicks)
                    : a.Value.LastFailureTicks.CompareTo(b.Value.LastFailureTicks);
            });
            for (int i = 0; i < victims.Length - target; i++)
            {
                _entries.Remove(victims[i].Key);
            }
        }

        _count = _entries.Count;
    }

    private struct Entry
    {
        public long WindowStartTicks;
        public int Failures;
        public long LastFailureTicks;
        public long BlockedUntilTicks;
    }
}
