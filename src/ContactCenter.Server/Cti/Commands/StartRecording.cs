using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/start_recording</c>: Starts recording a connected call (one stereo WAV); returns the recording id. 409 recording_active when it already records.</summary>
public sealed class StartRecording(CtiCallDirectory calls) : ICtiCommand<StartRecording.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("start_recording", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Starts recording a connected call (one stereo WAV); returns the recording id. 409 recording_active when it already records.");

    public sealed record Request(string CallId);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.StartRecordingAsync(call.Call.Id), cancellationToken);
}
