using ContactCenter.Acd.Alarms;

namespace ContactCenter.Acd.Configuration;

/// <summary>
/// What a fresh embedded install starts with, so a newcomer sees the ACD work at once: one voice service served by
/// three agents at the demo extensions 1001–1003 of <c>sip-profiles/default.json</c>. Written only when the ACD
/// tables are empty; edit or delete it through the admin API.
/// </summary>
public static class DemoConfiguration
{
    public static AcdConfiguration Create() => new(
        [new Skill("general", "General support"), new Skill("english", "English")],
        [
            Agent("ana", "Ana", "1001", ("general", 80), ("english", 60)),
            Agent("bruno", "Bruno", "1002", ("general", 60)),
            Agent("carla", "Carla", "1003", ("general", 90), ("english", 90)),
        ],
        [
            new ServiceDefinition("support", "Support", MediaType.Voice, ["5000"], AnswerMode.Manual, AnswerDelaySeconds: 0,
                OfferTimeoutSeconds: 20, new ServiceTimes(ClassificationSeconds: 30, PostCallSeconds: 15), new AgentPermissions(),
                [new SkillRequirement("general", 50)], RoutingStrategy.LongestIdle, Priority: 5, MaxQueueLength: 50,
                MaxWaitSeconds: 0, OverflowServiceId: null, ServiceLevelSeconds: 20, new QueueAnnouncements(Position: true),
                ["resolved", "callback", "not_resolved"]),
        ],
        [new PauseReason("break", "Break"), new PauseReason("lunch", "Lunch"), new PauseReason("training", "Training")],
        [new Disposition("resolved", "Resolved"), new Disposition("callback", "Call back"), new Disposition("not_resolved", "Not resolved")],
        [
            new AlarmRule("support-queue", "Support queue is long", AlarmMetrics.Waiting, AlarmScope.Service, "support",
                AlarmComparison.GreaterOrEqual, Threshold: 5, ClearThreshold: 2, DurationSeconds: 30, AlarmSeverity.Warning),
            new AlarmRule("service-level", "Service level below 80%", AlarmMetrics.ServiceLevel, AlarmScope.Service, null,
                AlarmComparison.LessThan, Threshold: 80, ClearThreshold: 85, DurationSeconds: 60, AlarmSeverity.Warning),
            new AlarmRule("trunk-down", "A trunk is down", AlarmMetrics.TrunksDown, AlarmScope.System, null,
                AlarmComparison.GreaterThan, Threshold: 0, ClearThreshold: 0, DurationSeconds: 0, AlarmSeverity.Critical),
            // The other built-in system alarms, fed by the server's SystemHealthReporter every 10 s.
            new AlarmRule("registration-failures", "Burst of failed SIP authentications", AlarmMetrics.RegistrationFailuresPerMinute,
                AlarmScope.System, null, AlarmComparison.GreaterOrEqual, Threshold: 20, ClearThreshold: 5, DurationSeconds: 0, AlarmSeverity.Warning),
            new AlarmRule("recordings-disk-low", "Recordings disk almost full", AlarmMetrics.RecordingsDiskFreePercent,
                AlarmScope.System, null, AlarmComparison.LessThan, Threshold: 10, ClearThreshold: 15, DurationSeconds: 0, AlarmSeverity.Critical),
            new AlarmRule("rtp-timeouts", "Burst of calls ended for lack of RTP", AlarmMetrics.RtpTimeoutsPerMinute,
                AlarmScope.System, null, AlarmComparison.GreaterOrEqual, Threshold: 5, ClearThreshold: 1, DurationSeconds: 0, AlarmSeverity.Warning),
            new AlarmRule("lagging-subscribers", "An event subscriber fell behind (re-sync required)", AlarmMetrics.LaggingSubscribers,
                AlarmScope.System, null, AlarmComparison.GreaterThan, Threshold: 0, ClearThreshold: 0, DurationSeconds: 0, AlarmSeverity.Warning),
        ]);

    private static AgentDefinition Agent(string id, string name, string extension, params (string Skill, int Level)[] skills) =>
        new(id, name, id, extension, skills.Select(s => new SkillLevel(s.Skill, s.Level)).ToList(), MediaCapacity.VoiceOnly,
            AgentRole.Agent, ["support"]);
}
