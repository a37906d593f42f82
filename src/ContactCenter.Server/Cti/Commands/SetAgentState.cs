using ContactCenter.Acd;
using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/set_agent_state</c>: <c>available</c> (ends a pause, RONA or wrap-up) or <c>paused</c> with a
/// configured reason (while busy it takes effect when the work ends; no new work is offered from now).
/// </summary>
public sealed class SetAgentState(AcdRuntime acd) : ICtiCommand<SetAgentState.Request, SetAgentState.Response>
{
    public static CtiCommandInfo Info { get; } = new("set_agent_state", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Sets an agent available or paused (with a configured reason). 409 when logged out.");

    /// <param name="State">"available" or "paused".</param>
    /// <param name="Reason">The pause reason id, required with "paused".</param>
    public sealed record Request(string State, string? AgentId = null, string? Reason = null);

    public sealed record Response(string AgentId, string State, string? PauseReason);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        switch (request.State)
        {
            case "available" when request.Reason is not null:
                return CtiProblem.InvalidField("reason", "A reason goes with \"paused\" only.");
            case "paused" when string.IsNullOrEmpty(request.Reason):
                return CtiProblem.InvalidField("reason", "A pause needs a reason (see get_agent_config).", "missing_field");
            case "available" or "paused":
                break;
            default:
                return CtiProblem.InvalidField("state", "state must be \"available\" or \"paused\".");
        }
        Response? response = null;
        var problem = await CtiAgentCommands.RunAsync(acd, agentId, engine =>
        {
            var result = request.State == "available" ? engine.Ready(agentId) : engine.Pause(agentId, request.Reason!);
            if (result.IsSuccess && engine.Agents.TryGetValue(agentId, out var session))
                response = new Response(agentId, session.State.Name(), session.PauseReason);
            return result;
        }, cancellationToken);
        if (problem is not null)
            return problem.Code == ContactCenter.Acd.AcdErrors.UnknownPauseReasonCode ? problem with { Field = "reason" } : problem;
        return response!;
    }
}
