namespace ContactCenter.Acd.Routing;

/// <summary>Tuning of the routing loop.</summary>
public sealed record RoutingOptions
{
    /// <summary>
    /// Aging: one step of service priority is worth this much waiting. A priority-2 interaction that waited 0 s ranks
    /// with a priority-1 one that waited this long, so low priorities are delayed, never starved.
    /// </summary>
    public TimeSpan AgingPerPriorityStep { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Shortest gap between two service.statistics (and agent.statistics) events for one subject.</summary>
    public TimeSpan StatisticsThrottle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often alarm rules are evaluated (durations are measured on this tick).</summary>
    public TimeSpan AlarmTick { get; init; } = TimeSpan.FromSeconds(1);
}
