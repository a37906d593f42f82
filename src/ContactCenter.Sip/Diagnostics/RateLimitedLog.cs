namespace ContactCenter.Sip.Diagnostics;

/// <summary>
/// Lets at most <c>burst</c> lines per category through each interval and then one summary of how many were
/// suppressed: a flood of bad packets must not become a flood of log lines.
/// </summary>
public sealed class RateLimitedLog(ISipLog inner, TimeProvider time, int burst = 10, TimeSpan? interval = null)
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, Window> _windows = new();
    private readonly Lock _lock = new();

    private sealed class Window
    {
        public long Start;
        public int Count;
        public int Suppressed;
    }

    public void Write(SipLogLevel level, string category, Func<string> message, Exception? exception = null)
    {
        if (!inner.IsEnabled(level)) return;
        long now = time.GetTimestamp();
        int suppressedBefore = 0;
        lock (_lock)
        {
            if (!_windows.TryGetValue(category, out var w))
            {
                if (_windows.Count > 1024) _windows.Clear(); // categories are few; this bounds a bug, not an attacker
                _windows[category] = w = new Window { Start = now };
            }
            if (time.GetElapsedTime(w.Start, now) >= _interval)
            {
                suppressedBefore = w.Suppressed;
                w.Start = now;
                w.Count = 0;
                w.Suppressed = 0;
            }
            if (w.Count >= burst)
            {
                w.Suppressed++;
                return;
            }
            w.Count++;
        }
        if (suppressedBefore > 0)
            inner.Write(level, category, $"{suppressedBefore} similar messages suppressed in the last {_interval.TotalSeconds:0} s");
        inner.Write(level, category, message(), exception);
    }
}
