namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Event types the call engine publishes on the event bus (subject: the call id). Payload: <see cref="CallEventPayload"/>;
/// call.ended also carries the CDR.
/// </summary>
public static class CallEventTypes
{
    public const string Created = "call.created";
    public const string Ringing = "call.ringing";
    public const string Queued = "call.queued";
    public const string Offered = "call.offered";
    public const string Answered = "call.answered";
    public const string Held = "call.held";
    public const string Retrieved = "call.retrieved";
    public const string Transferred = "call.transferred";
    public const string Consulted = "call.consulted";
    public const string ConsultFailed = "call.consult_failed";
    public const string Conferenced = "call.conferenced";
    public const string ParticipantLeft = "call.participant_left";
    public const string Dtmf = "call.dtmf";
    public const string RecordingStarted = "call.recording_started";
    public const string RecordingPaused = "call.recording_paused";
    public const string RecordingResumed = "call.recording_resumed";
    public const string RecordingStopped = "call.recording_stopped";
    public const string Ended = "call.ended";

    /// <summary>Every type above, for catalogs and subscription validation.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Ringing, Queued, Offered, Answered, Held, Retrieved, Transferred, Consulted, ConsultFailed, Conferenced, ParticipantLeft, Dtmf, RecordingStarted, RecordingPaused, RecordingResumed, RecordingStopped, Ended];
}
