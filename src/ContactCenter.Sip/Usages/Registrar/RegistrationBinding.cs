using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Registrar;

/// <summary>
/// One contact bound to an extension: where to reach it, until when, and the transport flow it registered over (so
/// calls reach a phone behind NAT through the address its REGISTER came from).
/// </summary>
public sealed record RegistrationBinding(
    string Aor,
    string ContactUri,
    string ContactKey,
    float Q,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ExpiresAt,
    string CallId,
    uint CSeq,
    SipSource Source,
    string? UserAgent,
    string? InstanceId)
{
    public int RemainingSeconds(DateTimeOffset now) => (int)Math.Max(0, Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
