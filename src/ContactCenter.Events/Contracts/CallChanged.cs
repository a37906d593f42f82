namespace ContactCenter.Events.Contracts;

/// <summary>
/// Payload of the call.* events, as it travels as JSON: who calls whom, the state reached and what the event is about;
/// call.ended also carries the CDR. The call engine publishes its own record of this shape
/// (ContactCenter.Telephony.Calls.CallEventPayload); this mirror lets a JSON transport rebuild a typed payload without
/// the Events contracts depending on Telephony. A contract test serializes the engine's record and reads it back as
/// this one, so the two cannot drift apart.
/// </summary>
/// <param name="CallId">The call's id (also the event subject's call_id).</param>
/// <param name="Caller">The calling party (extension or number).</param>
/// <param name="Callee">The called party.</param>
/// <param name="State">Where the call is.</param>
/// <param name="Cdr">The call detail record; call.ended only.</param>
public sealed record CallChanged(string CallId, string Caller, string Callee, CallProgress State, CallRecord? Cdr = null)
{
    public CallRecordDirection Direction { get; init; }

    public string? Trunk { get; init; }

    public string? Did { get; init; }

    public string? Service { get; init; }

    /// <summary>The party connected to the caller now (null before an answer).</summary>
    public string? ConnectedParty { get; init; }

    /// <summary>The party the event is about: held, transferred to, or who pressed the digit.</summary>
    public string? Party { get; init; }

    /// <summary>Who caused it: the holding party, the transferor.</summary>
    public string? By { get; init; }

    public string? Digit { get; init; }

    public int? DurationMs { get; init; }

    /// <summary>Where a digit came from: "rtp" (RFC 4733 or in-band) or "info" (SIP INFO).</summary>
    public string? Source { get; init; }

    /// <summary>The recording a call.recording_* event is about.</summary>
    public string? RecordingId { get; init; }
}
