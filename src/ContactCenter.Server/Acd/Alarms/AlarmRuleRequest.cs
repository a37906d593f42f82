namespace ContactCenter.Server.Acd.Alarms;

/// <summary>Body of alarm rule writes (ACD-10). comparison: greater_than, greater_or_equal, less_than, less_or_equal.</summary>
public sealed record AlarmRuleRequest(
    string? Id,
    string? Name,
    string? Metric,
    string Scope = "service",
    string? ScopeId = null,
    string Comparison = "greater_than",
    double Threshold = 0,
    double? ClearThreshold = null,
    int DurationSeconds = 0,
    string Severity = "warning",
    bool Enabled = true);
