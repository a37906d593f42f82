using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/cancel_consult</c>: hangs up (or stops dialling) the consulted party and reconnects the agent with
/// the other party. 409 <c>no_consult</c> without a consultation.
/// </summary>
public sealed class CancelConsult(CtiCallDirectory calls) : ICtiCommand<CancelConsult.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("cancel_consult", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Ends the consultation and reconnects the agent with the other party.");

    public sealed record Request(string CallId, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                ? call.Engine.CancelConsultAsync(call.Call.Id, party)
                : CtiCallCommand.MissingParty("the call has no agent consulting."), cancellationToken);
}
