using ContactCenter.Telephony.Routing;

namespace ContactCenter.Server.SipDirectory;

/// <summary>Maps validated SIP profiles into the call engine's routing configuration.</summary>
public static class SipProfileRoutingMapper
{
    public static RoutingConfiguration ToRoutingConfiguration(this SipProfileCatalog catalog) => new()
    {
        Profiles = catalog.Profiles.Select(ToRoutingProfile).ToArray(),
    };

    private static RoutingProfileConfig ToRoutingProfile(SipProfile profile) => new()
    {
        Name = profile.Name!,
        Extensions = profile.Extensions.Select(extension => extension.Number).ToArray(),
        Trunks = profile.Trunks.Select(ToTrunk).ToArray(),
        Dids = profile.Dids
            .Select(pair => new DidConfig { Number = pair.Key, Extension = pair.Value.Extension, Service = pair.Value.Service })
            .ToArray(),
        Services = profile.Services
            .Select(pair => new ServiceConfig
            {
                Name = pair.Key,
                Extensions = pair.Value.Extensions.ToArray(),
                Strategy = pair.Value.Strategy == "sequential" ? RingStrategy.Sequential : RingStrategy.All,
                RingTimeout = TimeSpan.FromSeconds(pair.Value.RingTimeoutSeconds),
                Record = pair.Value.Record,
            })
            .ToArray(),
        DialPlan = profile.DialPlan
            .Select(rule => new DialPlanRuleConfig { Match = rule.Match, Strip = rule.Strip, Prepend = rule.Prepend, Trunk = rule.Trunk, Emergency = rule.Emergency })
            .ToArray(),
    };

    private static TrunkConfig ToTrunk(SipProfileTrunk trunk) => new()
    {
        Name = trunk.Name,
        DefaultCountry = trunk.DefaultCountry,
        MaxChannels = trunk.MaxChannels,
        InboundSources = trunk.Inbound?.Sources.ToArray() ?? [],
        RegistersAs = trunk.Inbound?.RegistersAs,
        Outbound = trunk.Outbound is not { } outbound ? null : new TrunkOutboundConfig
        {
            Host = outbound.Host,
            Port = outbound.Port,
            Transport = outbound.Transport == "tcp" ? TrunkTransport.Tcp : TrunkTransport.Udp,
            Username = outbound.Username,
            Password = outbound.Password,
            Register = outbound.Register,
            RegisterExpires = TimeSpan.FromSeconds(outbound.RegisterExpires),
            FromUser = outbound.FromUser,
            FromDomain = outbound.FromDomain,
            CallerIdHeader = outbound.CallerIdHeader == "pai" ? CallerIdHeader.PAssertedIdentity : CallerIdHeader.From,
            CallerIdFormat = outbound.CallerIdFormat == "national" ? CallerIdFormat.National : CallerIdFormat.E164,
            CallerIdNumber = outbound.CallerIdNumber,
        },
    };
}
