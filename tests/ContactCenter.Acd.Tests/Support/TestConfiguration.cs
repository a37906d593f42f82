using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;

namespace ContactCenter.Acd.Tests.Support;

/// <summary>Small builders for configurations a test owns.</summary>
public static class TestConfiguration
{
    public static readonly Skill[] Skills = [new("sales", "Sales"), new("english", "English"), new("support", "Support")];

    public static AgentDefinition Agent(string id, string[] services, MediaCapacity? capacity = null, params (string Skill, int Level)[] skills) =>
        new(id, $"Agent {id}", id, $"ext-{id}", skills.Select(s => new SkillLevel(s.Skill, s.Level)).ToList(),
            capacity ?? MediaCapacity.VoiceOnly, AgentRole.Agent, services);

    public static ServiceDefinition Service(
        string id,
        MediaType media = MediaType.Voice,
        RoutingStrategy strategy = RoutingStrategy.LongestIdle,
        int priority = 0,
        int classificationSeconds = 0,
        int postCallSeconds = 0,
        int offerTimeoutSeconds = 20,
        int maxQueueLength = 0,
        int maxWaitSeconds = 0,
        string? overflow = null,
        int serviceLevelSeconds = 20,
        AnswerMode answerMode = AnswerMode.Manual,
        AgentPermissions? permissions = null,
        int previewSeconds = 0,
        QueueAnnouncements? announcements = null,
        bool record = false,
        params SkillRequirement[] profile) =>
        new(id, $"Service {id}", media, [], answerMode, 0, offerTimeoutSeconds,
            new ServiceTimes(classificationSeconds, postCallSeconds, previewSeconds), permissions ?? new AgentPermissions(), profile, strategy, priority,
            maxQueueLength, maxWaitSeconds, overflow, serviceLevelSeconds, announcements ?? new QueueAnnouncements(), ["sale", "no_sale"], record);

    public static AcdConfiguration Build(IEnumerable<ServiceDefinition> services, IEnumerable<AgentDefinition> agents, IEnumerable<AlarmRule>? rules = null) =>
        new(Skills, agents, services, [new PauseReason("break", "Break"), new PauseReason("lunch", "Lunch")],
            [new Disposition("sale", "Sale"), new Disposition("no_sale", "No sale")], rules ?? []);
}
