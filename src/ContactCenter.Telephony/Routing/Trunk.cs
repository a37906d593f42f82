using System.Net;

namespace ContactCenter.Telephony.Routing;

/// <summary>A validated trunk as the routing table holds it; compare by reference or <see cref="Name"/>.</summary>
public sealed class Trunk
{
    internal Trunk(string profile, TrunkConfig config, IReadOnlyList<IPNetwork> inboundSources)
    {
        Profile = profile;
        Config = config;
        InboundSources = inboundSources;
    }

    public string Name => Config.Name;

    /// <summary>The profile the trunk belongs to (its listeners carry the trunk's traffic).</summary>
    public string Profile { get; }

    public TrunkConfig Config { get; }

    public IReadOnlyList<IPNetwork> InboundSources { get; }

    public TrunkOutboundConfig? Outbound => Config.Outbound;

    public string DefaultCountry => Config.DefaultCountry;

    public override string ToString() => $"{Name} ({Profile})";
}
