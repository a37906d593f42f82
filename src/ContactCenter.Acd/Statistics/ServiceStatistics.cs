namespace ContactCenter.Acd.Statistics;

/// <summary>A service's real-time statistics (ACD-09); also the payload of <c>service.statistics</c>.</summary>
/// <param name="AgentsByState">Logged-in member agents per state name ("available", "busy"...).</param>
public sealed record ServiceStatistics(
    string ServiceId,
    DateTimeOffset At,
    int Waiting,
    double LongestWaitSeconds,
    IReadOnlyDictionary<string, int> AgentsByState,
    ServicePeriodStatistics Interval,
    ServicePeriodStatistics Today);
