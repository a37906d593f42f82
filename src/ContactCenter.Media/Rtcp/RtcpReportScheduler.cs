namespace ContactCenter.Media.Rtcp;

/// <summary>
/// Decides when to send the next RTCP report: a simplified RFC 3550 §6.2/§6.3 interval of 5 s randomized to
/// [0.5, 1.5] × 5 s, with the first report after half an interval (§6.2, to announce ourselves sooner). It owns no timer:
/// the media clock asks <see cref="TryConsumeDue"/> on its tick, so a call costs nothing between reports.
/// </summary>
public sealed class RtcpReportScheduler
{
    /// <summary>The RFC 3550 recommended minimum report interval.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _interval;
    private readonly Random _random;
    private long _nextDue;

    /// <summary>Creates a scheduler whose first report is due about half an interval from now.</summary>
    /// <param name="timeProvider">The clock the due times are read from.</param>
    /// <param name="interval">The nominal interval (default 5 s).</param>
    /// <param name="random">The randomization source; tests pass a seeded one.</param>
    public RtcpReportScheduler(TimeProvider timeProvider, TimeSpan? interval = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _interval = interval ?? DefaultInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_interval, TimeSpan.Zero);
        _random = random ?? Random.Shared;
        _nextDue = timeProvider.GetTimestamp() + ToTicks(NextInterval() / 2);
    }

    /// <summary>The nominal interval.</summary>
    public TimeSpan Interval => _interval;

    /// <summary>Time left until the next report is due (zero or negative when due).</summary>
    public TimeSpan TimeUntilDue => _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), _nextDue);

    /// <summary>A fresh randomized interval in [0.5, 1.5] × <see cref="Interval"/>.</summary>
    public TimeSpan NextInterval() => _interval * (0.5 + _random.NextDouble());

    /// <summary>True when a report is due; then schedules the following one a fresh randomized interval from now.</summary>
    public bool TryConsumeDue() => TryConsumeDue(_timeProvider.GetTimestamp());

    /// <summary><see cref="TryConsumeDue()"/> at <paramref name="now"/> (the media tick's time, read once for every leg).</summary>
    public bool TryConsumeDue(long now)
    {
        if (now < _nextDue)
        {
            return false;
        }

        _nextDue = now + ToTicks(NextInterval());
        return true;
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _timeProvider.TimestampFrequency);
}
