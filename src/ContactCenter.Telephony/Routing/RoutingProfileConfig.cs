namespace ContactCenter.Telephony.Routing;

/// <summary>
/// The routing part of one SIP profile. Extension numbers, trunk names, DIDs and <c>RegistersAs</c> names
/// are unique across all profiles; a dial-plan rule names a trunk of its own profile, a DID a service of
/// its own profile.
/// </summary>
public sealed record RoutingProfileConfig
{
    public required string Name { get; init; }

    /// <summary>The extension numbers of this profile.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    public IReadOnlyList<TrunkConfig> Trunks { get; init; } = [];

    public IReadOnlyList<DidConfig> Dids { get; init; } = [];

    public IReadOnlyList<ServiceConfig> Services { get; init; } = [];

    /// <summary>Tried in order; the first rule whose pattern matches the whole dialled string wins.</summary>
    public IReadOnlyList<DialPlanRuleConfig> DialPlan { get; init; } = [];
}
