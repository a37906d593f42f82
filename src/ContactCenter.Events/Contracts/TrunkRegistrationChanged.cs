namespace ContactCenter.Events.Contracts;

/// <summary>
/// Payload of the trunk.* events: the registration of one of our trunks with its provider changed state
/// (RFC 3261 §10.2, SIP-03). Published on transitions only: a refresh that succeeds again, or a retry that fails
/// again, publishes nothing; the current status of every trunk can be queried instead.
/// </summary>
/// <param name="Trunk">The trunk's name, unique across profiles.</param>
/// <param name="Profile">The profile whose SIP stack registers it.</param>
/// <param name="State">"registering", "registered", "failed" or "unregistered".</param>
/// <param name="Up">Whether the provider holds our registration now (<paramref name="State"/> is "registered").</param>
/// <param name="WasUp">Whether it held it before this change: <c>Up</c> going from true to false is a trunk going down.</param>
/// <param name="StatusCode">The final SIP response that caused the change (408/503 when the provider did not answer); 0 when none did.</param>
/// <param name="Reason">The reason phrase, or why the registration gave up (e.g. credentials rejected, host not found).</param>
/// <param name="Registrar">Where the REGISTER went: "udp:203.0.113.5:5060".</param>
/// <param name="ExpiresAt">When the provider's binding ends unless refreshed; only while up.</param>
public sealed record TrunkRegistrationChanged(
    string Trunk,
    string Profile,
    string State,
    bool Up,
    bool WasUp,
    int StatusCode,
    string Reason,
    string? Registrar,
    DateTimeOffset? ExpiresAt = null);
