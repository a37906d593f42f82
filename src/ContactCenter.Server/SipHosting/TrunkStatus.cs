using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Server.SipHosting;

/// <summary>Where one trunk's registration with its provider stands, for the health check and the CTI API.</summary>
/// <param name="Trunk">The trunk's name.</param>
/// <param name="Profile">The profile whose SIP stack registers it.</param>
/// <param name="State">Registering, Registered (up), Failed (retried with backoff) or Unregistered (stopped).</param>
/// <param name="StatusCode">The final response of the last change (0 when none caused it).</param>
/// <param name="Reason">Its reason phrase, or why the registration gave up.</param>
/// <param name="Since">When <paramref name="State"/> was entered; null before the first change.</param>
/// <param name="Registrar">Where the REGISTER goes, "udp:203.0.113.5:5060"; null until the host name is resolved.</param>
/// <param name="GrantedExpires">Seconds the provider granted in its last 200; 0 when not registered.</param>
/// <param name="ExpiresAt">When the provider's binding ends unless refreshed; only while up.</param>
/// <param name="NextAttemptAt">When the next REGISTER (refresh or retry) is due; null while one is under way or when stopped.</param>
/// <param name="LastError">The last failure ("403 Forbidden"), kept after the trunk comes back up; null if none yet.</param>
/// <param name="LastErrorAt">When it happened.</param>
public sealed record TrunkStatus(
    string Trunk,
    string Profile,
    RegistrationState State,
    int StatusCode,
    string Reason,
    DateTimeOffset? Since,
    string? Registrar,
    int GrantedExpires,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    DateTimeOffset? LastErrorAt)
{
    /// <summary>The provider holds our registration.</summary>
    public bool Up => State == RegistrationState.Registered;
}
