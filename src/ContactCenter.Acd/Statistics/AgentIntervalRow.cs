namespace ContactCenter.Acd.Statistics;

/// <summary>One closed 15-minute interval of one agent, as persisted for history.</summary>
public sealed record AgentIntervalRow(string AgentId, DateTimeOffset IntervalStart, AgentPeriodStatistics Figures);
