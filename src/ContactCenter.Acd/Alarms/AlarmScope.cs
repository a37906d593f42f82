namespace ContactCenter.Acd.Alarms;

/// <summary>What a rule watches: one or every service, one or every agent, or the system.</summary>
public enum AlarmScope
{
    Service,
    Agent,
    System,
}
