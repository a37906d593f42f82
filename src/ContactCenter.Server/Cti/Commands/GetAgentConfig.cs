using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>GET /cti/v1/get_agent_config</c>: what an agent desktop needs to draw itself: the agent's skills, capacity,
/// services (with answer mode, permissions and dispositions) and the pause reasons it may choose.
/// </summary>
public sealed class GetAgentConfig(AcdRuntime acd) : ICtiCommand<GetAgentConfig.Request, GetAgentConfig.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_agent_config", CtiCommandMethod.Get, CtiPolicies.Agent,
        "An agent's configuration: skills, capacity, services with their answer mode, permissions and dispositions, pause reasons.");

    /// <summary>agent_id: an agent token's own when omitted.</summary>
    public sealed record Request(string? AgentId = null);

    public sealed record Response(CtiAgentView Agent, string Role, IReadOnlyList<Skill> Skills, Capacity Capacity,
        IReadOnlyList<CtiServiceView> Services, IReadOnlyList<NamedItem> PauseReasons);

    public sealed record Skill(string SkillId, int Level);

    public sealed record Capacity(int Voice, int Chat, int Email, int Sms);

    public sealed record NamedItem(string Id, string Name);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        var response = await acd.RunAsync(engine =>
        {
            var configuration = engine.Configuration;
            if (!configuration.Agents.TryGetValue(agentId, out var agent)) return null;
            return new Response(CtiAgentView.From(agent, engine.Agents.GetValueOrDefault(agentId)),
                agent.Role.ToString().ToLowerInvariant(),
                agent.Skills.Select(s => new Skill(s.SkillId, s.Level)).ToList(),
                new Capacity(agent.Capacity.Voice, agent.Capacity.Chat, agent.Capacity.Email, agent.Capacity.Sms),
                agent.Services.Where(configuration.Services.ContainsKey).Select(id => CtiServiceView.From(configuration.Services[id], configuration)).ToList(),
                configuration.PauseReasons.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new NamedItem(p.Id, p.Name)).ToList());
        }, cancellationToken);
        return response is null ? CtiProblem.NotFound("agent_not_found", $"No agent '{agentId}'.") : response;
    }
}
