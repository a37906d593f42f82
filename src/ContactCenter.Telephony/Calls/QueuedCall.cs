namespace ContactCenter.Telephony.Calls;

/// <summary>A call entering an ACD queue: what routing and a screen pop need.</summary>
public sealed record QueuedCall(string CallId, string ServiceId, string Caller, string? Did, string? Trunk);
