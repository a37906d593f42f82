using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/hold_call</c>: puts a party on hold — it hears music; by default the party opposite the call's
/// agent (the customer).
/// </summary>
public sealed class HoldCall(CtiCallDirectory calls) : ICtiCommand<HoldCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("hold_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Puts a party on hold with music (default: the party opposite the agent). 409 invalid_state_transition when not connected or already held.");

    public sealed record Request(string CallId, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            CtiCallCommand.PartyOrOther(request.Party, call, view) is { } party
                ? call.Engine.HoldAsync(call.Call.Id, party)
                : CtiCallCommand.MissingParty("the call has no agent to take the other side of."), cancellationToken);
}
