using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/conference_call</c>: merges a second call of the agent (e.g. one placed with <c>make_call</c> while
/// the first was held) into the first as a three-way conference; the agent's leg of the second call is released.
/// The first call's service must allow conferences (403 <c>conference_not_permitted</c>).
/// </summary>
public sealed class ConferenceCall(CtiCallDirectory calls, AcdRuntime acd) : ICtiCommand<ConferenceCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("conference_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Merges consult_call_id into call_id as a conference; party (default: the agent's extension) is the one in both calls.");

    public sealed record Request(string CallId, string ConsultCallId, string? Party = null);

    public async ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        // The second call must be the caller's to act on too.
        var (_, _, consultProblem) = await calls.ForCallerAsync(request.ConsultCallId, context.Caller, cancellationToken);
        if (consultProblem is not null) return consultProblem with { Field = "consult_call_id" };
        return await CtiCallCommand.RunAsync(calls, request.CallId, context, (call, view) =>
        {
            if (CtiCallCommand.Permitted(acd.Configuration, call, view, p => p.Conference, "hold conferences", "conference_not_permitted") is { } forbidden)
                return forbidden;
            return CtiCallCommand.PartyOrAgent(request.Party, call, view) is { } party
                ? call.Engine.ConferenceAsync(call.Call.Id, request.ConsultCallId, party)
                : CtiCallCommand.MissingParty("the call has no agent who is in both calls.");
        }, cancellationToken);
    }
}
