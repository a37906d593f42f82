namespace ContactCenter.Media.Timing;

/// <summary>A snapshot of what a <see cref="MediaClock"/> has done since it was created.</summary>
/// <param name="Ticks">Dispatches run (each ran every registered tickable once).</param>
/// <param name="LateTicks">Dispatches that started later than <see cref="MediaClockOptions.LateThreshold"/> after their deadline.</param>
/// <param name="SkippedTicks">Deadlines that passed without a dispatch of their own because the clock was further behind than one tick.</param>
/// <param name="MaxLateness">The worst delay between a deadline and the start of its dispatch.</param>
/// <param name="MaxDispatchDuration">The longest time one dispatch took to run every tickable.</param>
/// <param name="TickableFaults">Exceptions thrown by tickables (caught and counted, the clock carries on).</param>
/// <param name="Registered">Tickables registered when the snapshot was taken.</param>
public readonly record struct MediaClockStatistics(
    long Ticks,
    long LateTicks,
    long SkippedTicks,
    TimeSpan MaxLateness,
    TimeSpan MaxDispatchDuration,
    long TickableFaults,
    int Registered);
