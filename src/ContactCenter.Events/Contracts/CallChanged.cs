namespace ContactCenter.Events.Contracts;

/// <summary>
/// Payload of the call.* events, as it travels as JSON: who calls whom, the state reached and, for call.ended, the
/// CDR. The call engine publishes its own record of this shape (ContactCenter.Telephony.Calls.CallEventPayload); this
/// mirror lets a JSON transport rebuild a typed payload without the Events contracts depending on Telephony. A
/// contract test serializes the engine's record and reads it back as this one, so the two cannot drift apart.
/// </summary>
/// <param name="CallId">The call's id (also the event subject's call_id).</param>
/// <param name="Caller">The calling party (extension or number).</param>
/// <param name="Callee">The called party.</param>
/// <param name="State">Where the call is.</param>
/// <param name="Cdr">The call detail record; call.ended only.</param>
public sealed record CallChanged(string CallId, string Caller, string Callee, CallProgress State, CallRecord? Cdr = null);
