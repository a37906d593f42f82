namespace ContactCenter.Acd.Configuration;

/// <summary>
/// An inbound service ("serviço receptivo", ACD-01/02): where interactions queue, who may take them and how.
/// </summary>
/// <param name="EntryPoints">DIDs (or chat/e-mail addresses later) that lead to this service.</param>
/// <param name="AnswerDelaySeconds">Automatic mode: how long the agent's phone rings before the channel connects.</param>
/// <param name="OfferTimeoutSeconds">An offer not accepted within this time is RONA: the agent is paused, the interaction moves on.</param>
/// <param name="Priority">0–10; higher is served first. Waiting time ages lower priorities up (see <c>RoutingOptions</c>).</param>
/// <param name="MaxQueueLength">0 = unlimited; a full queue refuses new interactions.</param>
/// <param name="MaxWaitSeconds">0 = unlimited; a longer wait overflows to <paramref name="OverflowServiceId"/> (or is released).</param>
/// <param name="ServiceLevelSeconds">Answered within this time counts for the service level.</param>
/// <param name="Record">Voice: record every call of the service from the moment an agent answers it.</param>
public sealed record ServiceDefinition(
    string Id,
    string Name,
    MediaType Media,
    IReadOnlyList<string> EntryPoints,
    AnswerMode AnswerMode,
    int AnswerDelaySeconds,
    int OfferTimeoutSeconds,
    ServiceTimes Times,
    AgentPermissions Permissions,
    IReadOnlyList<SkillRequirement> Profile,
    RoutingStrategy Strategy,
    int Priority,
    int MaxQueueLength,
    int MaxWaitSeconds,
    string? OverflowServiceId,
    int ServiceLevelSeconds,
    QueueAnnouncements Announcements,
    IReadOnlyList<string> Dispositions,
    bool Record = false)
{
    public const int MaxPriority = 10;

    /// <summary>Whether an agent's skills satisfy the attendance profile.</summary>
    public bool Accepts(AgentDefinition agent)
    {
        foreach (var requirement in Profile)
            if (agent.LevelIn(requirement.SkillId) < requirement.MinimumLevel) return false;
        return true;
    }

    /// <summary>The agent's total level on the required skills, for <see cref="RoutingStrategy.BestSkill"/>.</summary>
    public int SkillScore(AgentDefinition agent)
    {
        int score = 0;
        foreach (var requirement in Profile) score += Math.Max(0, agent.LevelIn(requirement.SkillId));
        return score;
    }
}
