using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/drop_participant</c>: hangs up one member of a conference; the call ends when one is left.</summary>
public sealed class DropParticipant(CtiCallDirectory calls) : ICtiCommand<DropParticipant.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("drop_participant", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Drops a party from a conference call. 409 not_a_conference, 404 party_not_found.");

    public sealed record Request(string CallId, string Party);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.DropParticipantAsync(call.Call.Id, request.Party), cancellationToken);
}
