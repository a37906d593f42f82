namespace ContactCenter.Acd.Alarms;

/// <summary>
/// A threshold rule (ACD-10). The alarm is raised when the metric has passed <paramref name="Threshold"/> for
/// <paramref name="DurationSeconds"/>, and cleared only when it comes back past <paramref name="ClearThreshold"/>
/// (hysteresis: a value hovering around the threshold does not flap).
/// </summary>
/// <param name="ScopeId">One service or agent id; null watches every one of the scope.</param>
public sealed record AlarmRule(
    string Id,
    string Name,
    string Metric,
    AlarmScope Scope,
    string? ScopeId,
    AlarmComparison Comparison,
    double Threshold,
    double ClearThreshold,
    int DurationSeconds,
    AlarmSeverity Severity,
    bool Enabled = true)
{
    public bool IsBreached(double value) => Comparison switch
    {
        AlarmComparison.GreaterThan => value > Threshold,
        AlarmComparison.GreaterOrEqual => value >= Threshold,
        AlarmComparison.LessThan => value < Threshold,
        _ => value <= Threshold,
    };

    /// <summary>Back on the good side of the clear threshold.</summary>
    public bool IsCleared(double value) => Comparison switch
    {
        AlarmComparison.GreaterThan or AlarmComparison.GreaterOrEqual => value <= ClearThreshold,
        _ => value >= ClearThreshold,
    };

    /// <summary>The rule is consistent: the clear threshold sits on the good side of the raise threshold.</summary>
    public AcdError? Validate()
    {
        if (Configuration.ConfigurationValidator.ValidateId(Id, "alarm rule") is { } idError) return idError;
        if (Configuration.ConfigurationValidator.ValidateName(Name, "alarm rule") is { } nameError) return nameError;
        if (!AlarmMetrics.For(Scope).Contains(Metric))
            return AcdErrors.Invalid($"Metric '{Metric}' is not a {Scope.ToString().ToLowerInvariant()} metric: use one of {string.Join(", ", AlarmMetrics.For(Scope).Order())}.");
        if (Scope == AlarmScope.System && ScopeId != null) return AcdErrors.Invalid("A system rule has no scope id.");
        if (!double.IsFinite(Threshold) || !double.IsFinite(ClearThreshold)) return AcdErrors.Invalid("Thresholds must be finite numbers.");
        bool upward = Comparison is AlarmComparison.GreaterThan or AlarmComparison.GreaterOrEqual;
        if (upward ? ClearThreshold > Threshold : ClearThreshold < Threshold)
            return AcdErrors.Invalid(upward
                ? "clearThreshold must be at or below threshold for a 'greater' rule."
                : "clearThreshold must be at or above threshold for a 'less' rule.");
        if (DurationSeconds is < 0 or > 86_400) return AcdErrors.Invalid("durationSeconds must be 0–86400.");
        return null;
    }
}
