namespace ContactCenter.Telephony.Routing;

/// <summary>
/// Everything <see cref="RoutingTable"/> is built from: one entry per SIP profile. The server maps its
/// profile files into these records so the call engine never depends on the host's configuration types.
/// </summary>
public sealed record RoutingConfiguration
{
    public required IReadOnlyList<RoutingProfileConfig> Profiles { get; init; }
}
