using ContactCenter.Acd;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/call_transfer</c>: transfer a call; the transferring party (default: the agent) leaves. Give exactly
/// one of: <c>target</c> — an extension or a number by the dial plan (blind transfer: the other party is dialled
/// through), or an ACD service's entry point; <c>service</c> — an ACD service id; <c>agent</c> — an agent id. A service
/// (by entry point or id; the call's own service releases it back to the queue) re-queues an ACD call through the ACD:
/// the caller hears music and keeps its place in line (ACD-08). An agent gets the call offered directly; 409
/// <c>agent_not_available</c> when it is not logged in and free. The call's service must allow transfers (403
/// <c>transfer_not_permitted</c>).
/// </summary>
public sealed class CallTransfer(CtiCallDirectory calls, AcdRuntime acd) : ICtiCommand<CallTransfer.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("call_transfer", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Transfers a call: target (extension, number or service entry point), service (ACD service id) or agent (ACD agent id); the agent leaves.");

    public sealed record Request(string CallId, string? Target = null, string? Party = null, string? Service = null, string? Agent = null);

    public async ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        int forms = (request.Target is null ? 0 : 1) + (request.Service is null ? 0 : 1) + (request.Agent is null ? 0 : 1);
        if (forms != 1)
            return CtiProblem.InvalidField("target", "Give exactly one of target, service or agent.", forms == 0 ? "missing_field" : "invalid_field");
        if (request.Target is { } target && (string.IsNullOrWhiteSpace(target) || target.Length > 64))
            return CtiProblem.InvalidField("target", "target must be 1 to 64 characters.");
        if (request.Service is { Length: 0 or > 128 }) return CtiProblem.InvalidField("service", "service must be 1 to 128 characters.");
        if (request.Agent is { Length: 0 or > 128 }) return CtiProblem.InvalidField("agent", "agent must be 1 to 128 characters.");

        // An ACD service's entry point re-queues through the ACD instead of ringing anything.
        string? service = request.Service
            ?? (request.Target is { } dialled && acd.Configuration.ServicesByEntryPoint.TryGetValue(dialled, out var entry) && entry.Media == MediaType.Voice
                ? entry.Id
                : null);
        if (service is null && request.Agent is null)
        {
            return await CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            {
                if (CtiCallCommand.Permitted(acd.Configuration, call, view, p => p.Transfer, "transfer", "transfer_not_permitted") is { } forbidden)
                    return forbidden;
                return CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                    ? call.Engine.BlindTransferAsync(call.Call.Id, party, request.Target!)
                    : CtiCallCommand.MissingParty("the call has no agent to transfer away.");
            }, cancellationToken);
        }
        return await TransferThroughAcdAsync(request.CallId, service, request.Agent, context, cancellationToken);
    }

    private async Task<CtiResult<CtiCallCommand.Response>> TransferThroughAcdAsync(string callId, string? service, string? agent,
        CtiCommandContext context, CancellationToken cancellationToken)
    {
        var (located, view, problem) = await calls.ForCallerAsync(callId, context.Caller, cancellationToken);
        if (problem is not null) return problem;
        var call = located!.Call;
        var state = CtiCallProblems.StateName(call.State);
        if (CtiCallCommand.Permitted(acd.Configuration, located, view, p => p.Transfer, "transfer", "transfer_not_permitted") is { } forbidden)
            return forbidden;
        if (!view.Calls.TryGetValue(call.Id, out var assignment))
            return CtiProblem.Conflict("not_an_acd_call", $"Call '{callId}' was not routed by the ACD: only its calls go to a service or an agent.", state);
        if (call.ConferenceParties.Count > 0 || call.ConsultedParty is not null)
            return CtiProblem.Conflict("invalid_state_transition", $"Call '{callId}' is in a conference or a consultation: finish it first.", state);
        // Events the command causes carry its client_data (CTI-07).
        AcdCommandContext.ClientData = context.ClientData;
        bool byAgent = context.Caller.IsAgent;
        var result = await acd.RunAsync(e => service is not null
            ? e.TransferToService(assignment.InteractionId, service, byAgent)
            : e.TransferToAgent(assignment.InteractionId, agent!, byAgent), cancellationToken);
        if (!result.IsSuccess) return CtiCallProblems.From(result.Error, state);
        return new CtiCallCommand.Response(callId, CtiCallProblems.StateName(ContactCenter.Telephony.Calls.CallState.Queued));
    }
}
