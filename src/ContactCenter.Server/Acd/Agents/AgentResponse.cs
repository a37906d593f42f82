using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;

namespace ContactCenter.Server.Acd.Agents;

/// <summary>An agent's configuration with its live state (ACD-07: lists of agents with their availability).</summary>
public sealed record AgentResponse(
    string Id,
    string Name,
    string Login,
    string Extension,
    IReadOnlyList<SkillLevelDto> Skills,
    CapacityDto Capacity,
    string Role,
    IReadOnlyList<string> Services,
    string State,
    string? PauseReason,
    DateTimeOffset? StateSince,
    IReadOnlyList<string> LoggedInServices)
{
    public static AgentResponse From(AgentDefinition agent, AgentSession? session) => new(
        agent.Id, agent.Name, agent.Login, agent.Extension,
        agent.Skills.Select(s => new SkillLevelDto(s.SkillId, s.Level)).ToList(),
        new CapacityDto(agent.Capacity.Voice, agent.Capacity.Chat, agent.Capacity.Email, agent.Capacity.Sms),
        EnumNames.Name(agent.Role), agent.Services,
        (session?.State ?? AgentState.LoggedOut).Name(), session?.PauseReason, session?.StateSince,
        session?.Services ?? []);
}
