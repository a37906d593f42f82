namespace ContactCenter.Acd.Contracts;

/// <summary>
/// Event types the ACD publishes on the bus, named like the rest of the catalog (lowercase, dotted: category then
/// what happened). Subjects carry agent_id, service_id, media and, for voice, call_id, so CTI subscribers filter on
/// them. The Events project's catalog cannot name these payloads (it sits below the ACD); consumers in process read
/// the records directly and JSON readers use <c>PayloadAs&lt;T&gt;()</c>.
/// </summary>
public static class AcdEventTypes
{
    public const string AgentLoggedIn = "agent.logged_in";
    public const string AgentLoggedOut = "agent.logged_out";
    public const string AgentStateChanged = "agent.state_changed";
    public const string InteractionQueued = "interaction.queued";
    public const string InteractionOffered = "interaction.offered";
    public const string InteractionAccepted = "interaction.accepted";
    public const string InteractionRejected = "interaction.rejected";
    public const string InteractionAbandoned = "interaction.abandoned";
    public const string InteractionOverflowed = "interaction.overflowed";
    public const string InteractionEnded = "interaction.ended";
    public const string InteractionTransferred = "interaction.transferred";
    public const string ClassificationRequired = "classification.required";
    public const string ClassificationDone = "classification.done";
    public const string ServiceStatistics = "service.statistics";
    public const string AgentStatistics = "agent.statistics";
    public const string AlarmRaised = "alarm.raised";
    public const string AlarmCleared = "alarm.cleared";
    public const string AlarmAcknowledged = "alarm.acknowledged";

    /// <summary>Each type with its payload record.</summary>
    public static IReadOnlyDictionary<string, Type> PayloadTypes { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [AgentLoggedIn] = typeof(AgentLoginChanged),
        [AgentLoggedOut] = typeof(AgentLoginChanged),
        [AgentStateChanged] = typeof(AgentStateChanged),
        [InteractionQueued] = typeof(InteractionEvent),
        [InteractionOffered] = typeof(InteractionEvent),
        [InteractionAccepted] = typeof(InteractionEvent),
        [InteractionRejected] = typeof(InteractionEvent),
        [InteractionAbandoned] = typeof(InteractionEvent),
        [InteractionOverflowed] = typeof(InteractionEvent),
        [InteractionEnded] = typeof(InteractionEvent),
        [InteractionTransferred] = typeof(InteractionEvent),
        [ClassificationRequired] = typeof(ClassificationEvent),
        [ClassificationDone] = typeof(ClassificationEvent),
        [ServiceStatistics] = typeof(Statistics.ServiceStatistics),
        [AgentStatistics] = typeof(Statistics.AgentStatistics),
        [AlarmRaised] = typeof(Alarms.Alarm),
        [AlarmCleared] = typeof(Alarms.Alarm),
        [AlarmAcknowledged] = typeof(Alarms.Alarm),
    };
}
