using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/send_dtmf</c>: plays digits (RFC 4733) to a party, by default the one opposite the agent (an IVR it called).</summary>
public sealed class SendDtmf(CtiCallDirectory calls) : ICtiCommand<SendDtmf.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("send_dtmf", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Sends 1 to 32 DTMF digits (0-9 * # A-D) to a party of a connected call (default: the party opposite the agent).");

    public sealed record Request(string CallId, string Digits, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
            CtiCallCommand.PartyOrOther(request.Party, call, view) is { } party
                ? call.Engine.SendDtmfAsync(call.Call.Id, party, request.Digits)
                : CtiCallCommand.MissingParty("the call has no agent to take the other side of."), cancellationToken, argumentField: "digits");
}
