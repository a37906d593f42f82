using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/pause_recording</c>: Pauses the call's recording (e.g. while a card number is read): the pause is left out of the file.</summary>
public sealed class PauseRecording(CtiCallDirectory calls) : ICtiCommand<PauseRecording.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("pause_recording", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Pauses the call's recording (e.g. while a card number is read): the pause is left out of the file.");

    public sealed record Request(string CallId);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.PauseRecordingAsync(call.Call.Id), cancellationToken);
}
