using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/stop_recording</c>: Stops the call's recording; the file is then complete. 409 recording_not_active.</summary>
public sealed class StopRecording(CtiCallDirectory calls) : ICtiCommand<StopRecording.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("stop_recording", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Stops the call's recording; the file is then complete. 409 recording_not_active.");

    public sealed record Request(string CallId);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.StopRecordingAsync(call.Call.Id), cancellationToken);
}
