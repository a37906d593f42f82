namespace ContactCenter.Media.Rtp;

/// <summary>
/// Tells when no RTP arrived for a configured time (the media-timeout that ends a call whose peer vanished). The receive
/// loop stamps <see cref="RecordActivity(long)"/> per packet; the media clock asks <see cref="CheckTimedOut"/> on its tick,
/// which reports each silence once. While paused (the call is on hold and the peer may legitimately send nothing) it never
/// reports, and resuming restarts the wait.
/// </summary>
/// <remarks>Safe for one writer thread (the receive loop) and one reader thread (the media clock).</remarks>
public sealed class RtpInactivityMonitor
{
    private readonly TimeProvider _timeProvider;
    private readonly long _timeoutTicks;
    private long _lastActivity;
    private long _reportedFor = long.MinValue;
    private volatile bool _paused;

    /// <summary>Starts watching now; with no packet at all, the first report comes <paramref name="timeout"/> from now.</summary>
    public RtpInactivityMonitor(TimeProvider timeProvider, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeProvider = timeProvider;
        Timeout = timeout;
        _timeoutTicks = (long)(timeout.TotalSeconds * timeProvider.TimestampFrequency);
        _lastActivity = timeProvider.GetTimestamp();
    }

    /// <summary>The configured silence that counts as inactivity.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    public bool IsPaused => _paused;

    /// <summary>Time since the last packet (or since start/resume).</summary>
    public TimeSpan IdleTime => _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity));

    /// <summary>Records a packet arrival now.</summary>
    public void RecordActivity() => RecordActivity(_timeProvider.GetTimestamp());

    /// <summary>Records a packet arrival at a <see cref="TimeProvider.GetTimestamp"/> value the caller already read.</summary>
    public void RecordActivity(long timestamp) => Volatile.Write(ref _lastActivity, timestamp);

    /// <summary>Stops reporting (hold).</summary>
    public void Pause() => _paused = true;

    /// <summary>Reports again, counting the silence from now.</summary>
    public void Resume()
    {
        RecordActivity();
        _paused = false;
    }

    /// <summary>True once per silence longer than <see cref="Timeout"/>; false while paused or after it was reported.</summary>
    public bool CheckTimedOut() => CheckTimedOut(_timeProvider.GetTimestamp());

    /// <summary><see cref="CheckTimedOut()"/> at <paramref name="now"/> (the media tick's time, read once for every leg).</summary>
    public bool CheckTimedOut(long now)
    {
        if (_paused)
        {
            return false;
        }

        var last = Volatile.Read(ref _lastActivity);
        if (now - last < _timeoutTicks || _reportedFor == last)
        {
            return false;
        }

        _reportedFor = last;
        return true;
    }
}
