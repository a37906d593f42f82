using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>The payload of every call.* event: who calls whom, the state reached and, for call.ended, the CDR.</summary>
public sealed record CallEventPayload(string CallId, string Caller, string Callee, CallState State, CallDetailRecord? Cdr = null);
