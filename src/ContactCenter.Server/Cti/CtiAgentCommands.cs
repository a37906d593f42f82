using ContactCenter.Acd;
using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti;

/// <summary>What every agent command does first and last: whose agent it is, and running it on the ACD's loop.</summary>
public static class CtiAgentCommands
{
    /// <summary>
    /// The agent a command is about: an agent token's own when <paramref name="requested"/> is null; another agent is
    /// 403 for an agent token; other roles must name one.
    /// </summary>
    public static CtiProblem? Resolve(string? requested, CtiCaller caller, out string agentId)
    {
        agentId = requested ?? caller.AgentId ?? "";
        if (requested is null && !caller.IsAgent)
            return CtiProblem.InvalidField("agent_id", "agent_id is required (only an agent token defaults to its own agent).", "missing_field");
        if (agentId.Length is 0 or > 128)
            return CtiProblem.InvalidField("agent_id", "agent_id must be 1 to 128 characters.");
        if (!caller.MayActFor(agentId))
            return CtiProblem.Forbidden($"This token acts for agent '{caller.AgentId}' only.");
        return null;
    }

    /// <summary>Runs an ACD command; a refusal comes back as a problem with the agent's state when it is a conflict.</summary>
    public static async Task<CtiProblem?> RunAsync(AcdRuntime runtime, string agentId, Func<AcdEngine, AcdResult> command,
        CancellationToken cancellationToken)
    {
        var (result, state) = await runtime.RunAsync(engine =>
        {
            var outcome = command(engine);
            return (outcome, engine.Agents.GetValueOrDefault(agentId)?.State ?? AgentState.LoggedOut);
        }, cancellationToken);
        return result.IsSuccess ? null : CtiCallProblems.From(result.Error, state.Name());
    }
}
