using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// The payload of every call.* event: who calls whom, the state reached, and what the event is about. call.ended also
/// carries the CDR; call.held/retrieved name the held party and who held; call.transferred the new party and the one
/// that left; call.dtmf the digit.
/// </summary>
public sealed record CallEventPayload(string CallId, string Caller, string Callee, CallState State, CallDetailRecord? Cdr = null)
{
    public CallDirection Direction { get; init; }

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
