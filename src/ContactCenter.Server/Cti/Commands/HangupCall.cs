using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/hangup_call</c>: ends a call for every party (agent token: its own calls).</summary>
public sealed class HangupCall(CtiCallDirectory calls) : ICtiCommand<HangupCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("hangup_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Ends a call in progress (every party). 404 call_not_found when it is not in progress.");

    public sealed record Request(string CallId);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.HangUpAsync(call.Call.Id), cancellationToken);
}
