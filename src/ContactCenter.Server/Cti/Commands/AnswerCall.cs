using ContactCenter.Acd.Interactions;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/answer_call</c>: accepts an ACD call offered to the agent (manual answer mode). A ringing phone
/// cannot be made to pick up, so the engine rings the extension again with auto-answer; 409 <c>no_pending_offer</c>
/// when the call is not being offered to this agent.
/// </summary>
public sealed class AnswerCall(CtiCallDirectory calls) : ICtiCommand<AnswerCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("answer_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Accepts an ACD call offered to the agent: its extension is connected with auto-answer. 409 no_pending_offer otherwise.");

    public sealed record Request(string CallId, string? AgentId = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
        {
            if (view.Calls.GetValueOrDefault(call.Call.Id) is not { State: InteractionState.Offered, AgentId: { } offeredTo })
                return CtiProblem.Conflict("no_pending_offer", $"Call '{call.Call.Id}' is not being offered to an agent.", CtiCallProblems.StateName(call.Call.State));
            if (CtiAgentCommands.Resolve(request.AgentId ?? offeredTo, context.Caller, out var agentId) is { } refused) return refused;
            if (offeredTo != agentId)
                return CtiProblem.Conflict("no_pending_offer", $"Call '{call.Call.Id}' is offered to another agent.", CtiCallProblems.StateName(call.Call.State));
            return call.Engine.AcceptOfferAsync(call.Call.Id, agentId, view.Agents[agentId].Extension);
        }, cancellationToken);
}
