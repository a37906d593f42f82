using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

/// <summary>A Brazilian office and a US office, each with its own trunk, DIDs, a service and a dial plan.</summary>
internal static class RoutingFixtures
{
    public static RoutingProfileConfig SaoPaulo(
        IReadOnlyList<DialPlanRuleConfig>? dialPlan = null,
        TrunkOutboundConfig? outbound = null,
        IReadOnlyList<string>? sources = null) => new()
    {
        Name = "sao-paulo",
        Extensions = ["1001", "1002", "1003"],
        Trunks =
        [
            new TrunkConfig
            {
                Name = "br-carrier",
                DefaultCountry = "BR",
                InboundSources = sources ?? ["203.0.113.0/24", "2001:db8:55::/48"],
                Outbound = outbound ?? new TrunkOutboundConfig
                {
                    Host = "sip.carrier.example",
                    Username = "acct-77",
                    Password = "provider-secret",
                    CallerIdNumber = "+55 11 4000-1234",
                },
            },
        ],
        Dids =
        [
            new DidConfig { Number = "+551140001234", Service = "sales" },
            new DidConfig { Number = "+55 11 4000-1002", Extension = "1002" },
            new DidConfig { Number = "4000", Extension = "1003" },
        ],
        Services = [new ServiceConfig { Name = "sales", Extensions = ["1001", "1003"], Strategy = RingStrategy.Sequential, RingTimeout = TimeSpan.FromSeconds(15) }],
        DialPlan = dialPlan ??
        [
            new DialPlanRuleConfig { Match = "19[0-9]", Trunk = "br-carrier", Emergency = true },
            new DialPlanRuleConfig { Match = "0[1-9][0-9]{9,10}", Strip = 1, Prepend = "+55", Trunk = "br-carrier" },
            new DialPlanRuleConfig { Match = "[2-9][0-9]{7,8}", Prepend = "+5511", Trunk = "br-carrier" },
            new DialPlanRuleConfig { Match = "00[0-9]{2}[1-9][0-9]{6,14}", Strip = 4, Prepend = "+", Trunk = "br-carrier" },
        ],
    };

    public static RoutingProfileConfig NewYork() => new()
    {
        Name = "new-york",
        Extensions = ["2001", "2002"],
        Trunks =
        [
            new TrunkConfig
            {
                Name = "us-carrier",
                DefaultCountry = "US",
                InboundSources = ["203.0.113.64/26", "198.51.100.7"],
                RegistersAs = "us-carrier-in",
                Outbound = new TrunkOutboundConfig
                {
                    Host = "pbx.us-carrier.example",
                    Port = 5080,
                    Transport = TrunkTransport.Tcp,
                    Username = "nyc-account",
                    Password = "other-secret",
                    Register = true,
                    FromDomain = "us-carrier.example",
                    CallerIdHeader = CallerIdHeader.PAssertedIdentity,
                    CallerIdFormat = CallerIdFormat.National,
                    CallerIdNumber = "+1 212 555 0100",
                },
            },
        ],
        Dids = [new DidConfig { Number = "+12125550123", Extension = "2001" }],
        DialPlan =
        [
            new DialPlanRuleConfig { Match = "911", Trunk = "us-carrier", Emergency = true },
            new DialPlanRuleConfig { Match = "9(1?[2-9][0-9]{9})", Strip = 1, Trunk = "us-carrier" },
            new DialPlanRuleConfig { Match = "9011[0-9]{7,15}", Strip = 4, Prepend = "+", Trunk = "us-carrier" },
        ],
    };

    public static RoutingTable Table() => RoutingTable.Create(new RoutingConfiguration { Profiles = [SaoPaulo(), NewYork()] });

    public static RoutingConfigurationException Invalid(params RoutingProfileConfig[] profiles) =>
        Assert.Throws<RoutingConfigurationException>(() => RoutingTable.Create(new RoutingConfiguration { Profiles = profiles }));
}
