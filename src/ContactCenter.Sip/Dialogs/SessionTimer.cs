namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The running session timer of a dialog (RFC 4028 §10) on the injected <see cref="TimeProvider"/>. The refresher is
/// told to refresh at half the interval; both sides are told the session is dead when no refresh came by the interval
/// minus the lesser of 32 s and a third of it (the BYE goes out slightly before expiry). Each refresh (a 2xx to a
/// re-INVITE or UPDATE) restarts it through <see cref="Start"/>.
/// </summary>
public sealed class SessionTimer : IDisposable
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(32);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Action<SessionTimer> _onRefreshDue;
    private readonly Action<SessionTimer> _onExpired;
    private ITimer? _refreshTimer;
    private ITimer? _expiryTimer;
    private long _generation;

    /// <param name="onRefreshDue">Called on a timer thread when we are the refresher and it is time to send the refresh.</param>
    /// <param name="onExpired">Called on a timer thread when no refresh came in time: send BYE and end the dialog.</param>
    public SessionTimer(TimeProvider time, Action<SessionTimer> onRefreshDue, Action<SessionTimer> onExpired)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(onRefreshDue);
        ArgumentNullException.ThrowIfNull(onExpired);
        _time = time;
        _onRefreshDue = onRefreshDue;
        _onExpired = onExpired;
    }

    /// <summary>When the refresh is due, or null when we are not the refresher or the timer is stopped.</summary>
    public DateTimeOffset? RefreshDue { get; private set; }

    /// <summary>When the session is given up for lack of a refresh, or null when stopped.</summary>
    public DateTimeOffset? ExpiryDue { get; private set; }

    /// <summary>§10: refresh at half the interval.</summary>
    public static TimeSpan RefreshDelay(TimeSpan interval) => interval / 2;

    /// <summary>§10: BYE at the interval minus min(32 s, interval/3).</summary>
    public static TimeSpan ExpiryDelay(TimeSpan interval) => interval - (interval / 3 < ExpiryMargin ? interval / 3 : ExpiryMargin);

    /// <summary>(Re)starts the timer after a negotiation or a successful refresh.</summary>
    public void Start(TimeSpan interval, bool weRefresh)
    {
        if (interval < TimeSpan.FromSeconds(1)) throw new ArgumentOutOfRangeException(nameof(interval), "A session interval is at least a second.");
        lock (_gate)
        {
            StopLocked();
            long generation = ++_generation;
            var now = _time.GetUtcNow();
            if (weRefresh)
            {
                RefreshDue = now + RefreshDelay(interval);
                _refreshTimer = _time.CreateTimer(_ => Fire(generation, refresh: true), null, RefreshDelay(interval), Timeout.InfiniteTimeSpan);
            }
            ExpiryDue = now + ExpiryDelay(interval);
            _expiryTimer = _time.CreateTimer(_ => Fire(generation, refresh: false), null, ExpiryDelay(interval), Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Starts from a negotiation result; does nothing (and stops a running timer) when it is not Active.</summary>
    public void Start(SessionTimerNegotiation negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        if (negotiation.Verdict == SessionTimerVerdict.Active) Start(negotiation.Interval, negotiation.WeRefresh);
        else Stop();
    }

    public void Stop()
    {
        lock (_gate)
        {
            _generation++;
            StopLocked();
        }
    }

    public void Dispose() => Stop();

    private void Fire(long generation, bool refresh)
    {
        lock (_gate)
        {
            if (generation != _generation) return; // restarted or stopped since this timer was armed
            if (refresh) RefreshDue = null;
            else StopLocked();
        }
        if (refresh) _onRefreshDue(this);
        else _onExpired(this);
    }

    private void StopLocked()
    {
        _refreshTimer?.Dispose();
        _expiryTimer?.Dispose();
        _refreshTimer = _expiryTimer = null;
        RefreshDue = ExpiryDue = null;
    }
}
