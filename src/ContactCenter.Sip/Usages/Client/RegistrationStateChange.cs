namespace ContactCenter.Sip.Usages.Client;

/// <summary>One transition of an <see cref="OutboundRegistration"/>, for trunk up/down events.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="State">The state now.</param>
/// <param name="StatusCode">The final response that caused it (a local 408/503 on timeout or transport error); 0 when no response did (start, stop before any request).</param>
/// <param name="Reason">The reason phrase, or why the client gave up (e.g. credentials rejected).</param>
/// <param name="GrantedExpires">Seconds the registrar granted when <see cref="State"/> is Registered, else 0.</param>
/// <param name="At">When, on the registration's TimeProvider.</param>
public sealed record RegistrationStateChange(
    RegistrationState Previous,
    RegistrationState State,
    int StatusCode,
    string Reason,
    int GrantedExpires,
    DateTimeOffset At);
