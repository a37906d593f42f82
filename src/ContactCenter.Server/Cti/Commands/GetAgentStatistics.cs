using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_agent_statistics</c>: an agent's real-time statistics (agent token: its own).</summary>
public sealed class GetAgentStatistics(AcdRuntime acd) : ICtiCommand<GetAgentStatistics.Request, AgentStatistics>
{
    public static CtiCommandInfo Info { get; } = new("get_agent_statistics", CtiCommandMethod.Get, CtiPolicies.Agent,
        "An agent's statistics now: state, time in state, this interval's and today's counts and times, occupancy.");

    public sealed record Request(string? AgentId = null);

    public async ValueTask<CtiResult<AgentStatistics>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        var statistics = await acd.RunAsync(engine => engine.GetAgentStatistics(agentId), cancellationToken);
        return statistics is null ? CtiProblem.NotFound("agent_not_found", $"No agent '{agentId}'.") : statistics;
    }
}
