namespace ContactCenter.Acd.Alarms;

/// <summary>An alarm raised by a rule for one subject; also the payload of the <c>alarm.*</c> events.</summary>
/// <param name="SubjectId">The service or agent id; null for a system alarm.</param>
public sealed record Alarm(
    string Id,
    string RuleId,
    string RuleName,
    string Metric,
    AlarmScope Scope,
    string? SubjectId,
    AlarmSeverity Severity,
    double Threshold,
    double Value,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt = null,
    double? ClearValue = null,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null)
{
    public bool IsActive => ClearedAt is null;
}
