namespace ContactCenter.Acd.Statistics;

/// <summary>One closed 15-minute interval of one service, as persisted for history.</summary>
public sealed record ServiceIntervalRow(string ServiceId, DateTimeOffset IntervalStart, ServicePeriodStatistics Figures);
