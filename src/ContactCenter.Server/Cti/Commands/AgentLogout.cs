using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/agent_logout</c>: logs an agent out; 409 while a call is offered to it or connected.</summary>
public sealed class AgentLogout(AcdRuntime acd) : ICtiCommand<AgentLogout.Request, AgentLogout.Response>
{
    public static CtiCommandInfo Info { get; } = new("agent_logout", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Logs an agent out (agent token: itself). 409 invalid_state_transition while logged out or holding an interaction.");

    public sealed record Request(string? AgentId = null);

    public sealed record Response(string AgentId, string State);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        var problem = await CtiAgentCommands.RunAsync(acd, agentId, engine => engine.Logout(agentId), cancellationToken);
        return problem is null ? new Response(agentId, "logged_out") : problem;
    }
}
