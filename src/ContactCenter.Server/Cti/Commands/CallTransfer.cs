using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/call_transfer</c>: blind transfer. The transferring party (default: the agent) leaves, and the
/// party it talked to is dialled through to the target — an extension, a number by the dial plan, or a service's
/// entry point. The call's service must allow transfers (403 <c>transfer_not_permitted</c>).
/// </summary>
public sealed class CallTransfer(CtiCallDirectory calls, AcdRuntime acd) : ICtiCommand<CallTransfer.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("call_transfer", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Blind transfer to an extension, number or service entry point; the agent (or the named party) leaves the call.");

    public sealed record Request(string CallId, string Target, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Target) || request.Target.Length > 64)
            return ValueTask.FromResult<CtiResult<CtiCallCommand.Response>>(CtiProblem.InvalidField("target", "target must be 1 to 64 characters."));
        return CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
        {
            if (CtiCallCommand.Permitted(acd.Configuration, call, view, p => p.Transfer, "transfer", "transfer_not_permitted") is { } forbidden)
                return forbidden;
            return CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                ? call.Engine.BlindTransferAsync(call.Call.Id, party, request.Target)
                : CtiCallCommand.MissingParty("the call has no agent to transfer away.");
        }, cancellationToken);
    }
}
