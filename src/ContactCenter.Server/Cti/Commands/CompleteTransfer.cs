using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/complete_transfer</c>: after consult_call, the other party is connected to the consulted party and
/// the agent leaves the call. 409 <c>consult_not_answered</c> while the consulted party rings; 409 <c>no_consult</c>
/// without a consultation.
/// </summary>
public sealed class CompleteTransfer(CtiCallDirectory calls) : ICtiCommand<CompleteTransfer.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("complete_transfer", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Completes an attended transfer started with consult_call: the other party goes to the consulted party, the agent leaves.");

    public sealed record Request(string CallId, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                ? call.Engine.CompleteConsultAsync(call.Call.Id, party)
                : CtiCallCommand.MissingParty("the call has no agent consulting."), cancellationToken);
}
