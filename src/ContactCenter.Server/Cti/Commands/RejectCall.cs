using ContactCenter.Acd;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/reject_call</c>: declines an ACD call offered to the agent; the ACD passes it to the next agent and
/// has the engine stop ringing this one (the agent stays available, ACD-04).
/// </summary>
public sealed class RejectCall(CtiCallDirectory calls, AcdRuntime acd) : ICtiCommand<RejectCall.Request, RejectCall.Response>
{
    public static CtiCommandInfo Info { get; } = new("reject_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Declines an ACD call offered to the agent; it goes back to the queue for the next agent. 409 no_pending_offer otherwise.");

    public sealed record Request(string CallId, string? AgentId = null);

    public sealed record Response(string CallId, string AgentId);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        // An ACD matter: the offer is the ACD's, whether or not the engine still rings the phone.
        var view = await calls.AcdAsync(cancellationToken);
        if (view.Calls.GetValueOrDefault(request.CallId) is not { } assignment)
            return CtiProblem.NotFound("call_not_found", $"No ACD call has the id '{request.CallId}'.");
        if (assignment is not { State: InteractionState.Offered, AgentId: { } offeredTo })
            return CtiProblem.Conflict("no_pending_offer", $"Call '{request.CallId}' is not being offered to an agent.", assignment.State.ToString().ToLowerInvariant());
        if (CtiAgentCommands.Resolve(request.AgentId ?? offeredTo, context.Caller, out var agentId) is { } refused)
            return refused;
        // fromChannel: false — the ACD both records the rejection and tells the engine to withdraw the offer
        // (AcdVoiceBridge.Withdraw → CallEngine.WithdrawOfferAsync), before it offers the call to anyone else.
        var rejected = await CtiAgentCommands.RunAsync(acd, agentId, engine => engine.Reject(assignment.InteractionId, agentId, fromChannel: false), cancellationToken);
        return rejected is null ? new Response(request.CallId, agentId) : rejected;
    }
}
