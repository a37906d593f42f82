namespace ContactCenter.Acd.Statistics;

/// <summary>The 15-minute grid statistics are kept and persisted on (UTC, aligned to the hour).</summary>
public static class StatisticsIntervals
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    public static DateTimeOffset StartOf(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % Length.Ticks, TimeSpan.Zero);
    }

    public static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);
}
