using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Telephony.Recordings;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>GET /cti/v1/get_recordings</c>: the recordings of a call (SIP-08), in order, with status and duration; fetch
/// the audio with <c>get_recording_content</c>. Recordings are sensitive: integrators and above only.
/// </summary>
public sealed class GetRecordings(RecordingStore recordings) : ICtiCommand<GetRecordings.Request, GetRecordings.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_recordings", CtiCommandMethod.Get, CtiPolicies.Integrator,
        "Recordings of a call (in progress or ended): id, status, start, stop, duration, size, format.");

    public sealed record Request(string CallId);

    public sealed record Response(string CallId, IReadOnlyList<Recording> Recordings);

    /// <summary>Status: recording, completed, failed or interrupted.</summary>
    public sealed record Recording(string RecordingId, string Status, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt,
        double? DurationSeconds, double? PausedSeconds, long? FileBytes, int? Channels, int? SampleRate, string? Failure)
    {
        public static Recording From(RecordingRecord r) => new(r.Id, r.Status, r.StartedAt, r.StoppedAt, r.DurationSeconds,
            r.PausedSeconds, r.FileBytes, r.Channels, r.SampleRate, r.Failure);
    }

    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CallId) || request.CallId.Length > 128)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.InvalidField("call_id", "call_id must be 1 to 128 characters."));
        var list = recordings.ForCall(request.CallId).Select(Recording.From).ToList();
        return ValueTask.FromResult<CtiResult<Response>>(new Response(request.CallId, list));
    }
}
