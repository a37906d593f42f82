namespace ContactCenter.Acd.Alarms;

public enum AlarmSeverity
{
    Info,
    Warning,
    Critical,
}
