namespace ContactCenter.Media.Rtp;

/// <summary>Converts <see cref="TimeProvider"/> timestamp intervals to RTP clock units without overflow.</summary>
internal static class RtpClock
{
    /// <summary>
    /// Converts a tick interval at <paramref name="frequency"/> ticks per second into units of a
    /// <paramref name="clockRate"/> Hz media clock, truncating. Split into whole seconds and remainder so that days of
    /// uptime at nanosecond ticks times a 48 kHz clock cannot overflow.
    /// </summary>
    public static long ToUnits(long ticks, long frequency, int clockRate)
    {
        var seconds = Math.DivRem(ticks, frequency, out var remainder);
        return (seconds * clockRate) + (remainder * clockRate / frequency);
    }

    /// <summary>Converts clock units to a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan ToTimeSpan(long units, int clockRate) =>
        TimeSpan.FromTicks(units * TimeSpan.TicksPerSecond / clockRate);
}
