using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/retrieve_call</c>: takes a party held by <c>hold_call</c> back (default: the party opposite the agent).</summary>
public sealed class RetrieveCall(CtiCallDirectory calls) : ICtiCommand<RetrieveCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("retrieve_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Takes a held party back (default: the party opposite the agent). 409 invalid_state_transition when it is not on hold.");

    public sealed record Request(string CallId, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            CtiCallCommand.PartyOrOther(request.Party, call, view) is { } party
                ? call.Engine.RetrieveAsync(call.Call.Id, party)
                : CtiCallCommand.MissingParty("the call has no agent to take the other side of."), cancellationToken);
}
