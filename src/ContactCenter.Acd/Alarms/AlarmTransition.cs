namespace ContactCenter.Acd.Alarms;

/// <summary>What an evaluation changed.</summary>
public enum AlarmTransitionKind
{
    Raised,
    Cleared,
}

/// <summary>An alarm that was raised or cleared by an evaluation.</summary>
public readonly record struct AlarmTransition(AlarmTransitionKind Kind, Alarm Alarm);
