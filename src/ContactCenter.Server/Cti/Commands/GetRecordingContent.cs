using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Server.Configuration;
using ContactCenter.Telephony.Recordings;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>GET /cti/v1/get_recording_content</c>: the audio of a finished recording as <c>audio/wav</c>, with HTTP Range
/// (206 partial content, 416 outside the file) so players can seek. A recording still being written is 409: its WAV
/// header is only complete once it stops.
/// </summary>
public sealed class GetRecordingContent(RecordingStore recordings, ContactCenterPaths paths)
    : ICtiCommand<GetRecordingContent.Request, GetRecordingContent.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_recording_content", CtiCommandMethod.Get, CtiPolicies.Integrator,
        "The recording's audio (audio/wav) with HTTP Range support. 404 recording_not_found, 409 recording_in_progress.");

    public sealed record Request(string RecordingId);

    /// <summary>Never sent: the answer is the audio itself.</summary>
    public sealed record Response;

    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Execute(request));

    private CtiResult<Response> Execute(Request request)
    {
        // Ids are hex GUIDs; anything else cannot name a recording and never reaches the store or the file system.
        if (request.RecordingId.Length is 0 or > 64 || !request.RecordingId.All(char.IsAsciiLetterOrDigit))
            return CtiProblem.InvalidField("recording_id", "recording_id is the id get_recordings returned.");
        if (recordings.Find(request.RecordingId) is not { } record)
            return CtiProblem.NotFound("recording_not_found", $"No recording '{request.RecordingId}'.");
        if (record.Status == "recording")
            return CtiProblem.Conflict("recording_in_progress", "The recording is still being written; stop it first.", record.Status);
        string root = Path.GetFullPath(paths.RecordingsDirectory);
        string file = Path.GetFullPath(Path.Combine(root, record.Path));
        if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            return CtiProblem.NotFound("recording_file_missing", $"The file of recording '{record.Id}' is not in the recordings directory.");
        return CtiResult<Response>.FromHttpResult(TypedResults.PhysicalFile(file, "audio/wav", $"{record.Id}.wav",
            lastModified: record.StoppedAt, enableRangeProcessing: true));
    }
}
