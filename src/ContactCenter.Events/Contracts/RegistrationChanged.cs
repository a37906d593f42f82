namespace ContactCenter.Events.Contracts;

/// <summary>
/// Payload of the registration.* events: one contact binding of an extension was added, refreshed,
/// removed or expired (RFC 3261 §10).
/// </summary>
/// <param name="Extension">The extension (the user part of the address of record).</param>
/// <param name="Contact">The contact URI as registered.</param>
/// <param name="ExpiresAt">When the binding expires; for removed/expired, when it ended.</param>
/// <param name="Transport">"udp", "tcp", ...</param>
/// <param name="Source">The remote address the REGISTER came from, "ip:port".</param>
/// <param name="UserAgent">The User-Agent header, when the device sent one.</param>
public sealed record RegistrationChanged(
    string Extension,
    string Contact,
    DateTimeOffset ExpiresAt,
    string Transport,
    string Source,
    string? UserAgent = null);
