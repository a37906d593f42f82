namespace ContactCenter.Telephony.Calls;

/// <summary>
/// What an engine command did: success, or a stable error code (<c>call_not_found</c>, <c>invalid_call_state</c>,
/// <c>party_not_found</c>, <c>recording_not_active</c>, …) with a message and the call's state, for CTI ProblemDetails.
/// </summary>
public sealed record CallCommandResult(bool Succeeded, string? Code = null, string? Message = null, CallState? State = null, string? RecordingId = null)
{
    /// <summary>The call a command created (originate).</summary>
    public string? CallId { get; init; }

    public static CallCommandResult Ok(CallState state, string? recordingId = null) => new(true, State: state, RecordingId: recordingId);

    public static CallCommandResult Fail(string code, string message, CallState? state = null) => new(false, code, message, state);

    public static readonly CallCommandResult CallNotFound = Fail("call_not_found", "No call in progress has this id.");
}
