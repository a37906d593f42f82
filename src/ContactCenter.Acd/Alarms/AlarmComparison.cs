namespace ContactCenter.Acd.Alarms;

/// <summary>How a metric is compared with a rule's threshold to raise the alarm.</summary>
public enum AlarmComparison
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}
