namespace ContactCenter.Acd.Statistics;

/// <summary>An agent's real-time statistics (ACD-09); also the payload of <c>agent.statistics</c>.</summary>
public sealed record AgentStatistics(
    string AgentId,
    DateTimeOffset At,
    string State,
    string? PauseReason,
    double TimeInStateSeconds,
    AgentPeriodStatistics Interval,
    AgentPeriodStatistics Today);
