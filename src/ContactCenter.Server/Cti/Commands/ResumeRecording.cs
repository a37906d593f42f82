using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/resume_recording</c>: Resumes a paused recording. 409 invalid_recording_state when it is not paused.</summary>
public sealed class ResumeRecording(CtiCallDirectory calls) : ICtiCommand<ResumeRecording.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("resume_recording", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Resumes a paused recording. 409 invalid_recording_state when it is not paused.");

    public sealed record Request(string CallId);

    public ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        CtiCallCommand.RunAsync(calls, request.CallId, context, (call, _) => call.Engine.ResumeRecordingAsync(call.Call.Id), cancellationToken);
}
