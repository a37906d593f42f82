using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/consult_call</c>: the agent (or the named party) consults a target — an extension, a number by the
/// dial plan — while the other party hears music. The agent's phone keeps its one call: the engine re-bridges it to
/// the consulted party. Then complete_transfer, cancel_consult, or conference_call with <c>consult: true</c>. The
/// call's service must allow consultation (403 <c>consult_not_permitted</c>).
/// </summary>
public sealed class ConsultCall(CtiCallDirectory calls, AcdRuntime acd) : ICtiCommand<ConsultCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("consult_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Consults a target while the other party hears music; follow with complete_transfer or cancel_consult.");

    public sealed record Request(string CallId, string Target, string? Party = null);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Target) || request.Target.Length > 64)
            return ValueTask.FromResult<CtiResult<CtiCallCommand.Response>>(CtiProblem.InvalidField("target", "target must be 1 to 64 characters."));
        return CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
        {
            if (CtiCallCommand.Permitted(acd.Configuration, call, view, p => p.Consult, "consult", "consult_not_permitted") is { } forbidden)
                return forbidden;
            return CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                ? call.Engine.ConsultAsync(call.Call.Id, party, request.Target)
                : CtiCallCommand.MissingParty("the call has no agent to consult.");
        }, cancellationToken);
    }
}
