using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class RoutingTableValidationTests
{
    private static readonly TrunkConfig BrTrunk = RoutingFixtures.SaoPaulo().Trunks[0];

    public static TheoryData<RoutingProfileConfig, string> InvalidProfiles => new()
    {
        { RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "0.*", Trunk = "nowhere" }]), "sao-paulo: DialPlan[0].Trunk 'nowhere' is not a trunk of profile sao-paulo." },
        { RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "(0", Trunk = "br-carrier" }]), "sao-paulo: DialPlan[0].Match '(0' is not a valid regular expression" },
        { RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "(0)\\1", Trunk = "br-carrier" }]), "does not support" },
        { RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "0", Strip = -1, Trunk = "br-carrier" }]), "sao-paulo: DialPlan[0].Strip -1 is outside 0..64." },
        { RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "0", Prepend = "sip:", Trunk = "br-carrier" }]), "sao-paulo: DialPlan[0].Prepend 'sip:' must be" },
        { RoutingFixtures.SaoPaulo(sources: ["203.0.113.1/24"]), "sao-paulo: trunk 'br-carrier': inbound source '203.0.113.1/24' has host bits set; the network is 203.0.113.0/24." },
        { RoutingFixtures.SaoPaulo(sources: ["2001:db8::/200"]), "prefix length that is not 0..128" },
        { RoutingFixtures.SaoPaulo(sources: ["carrier.example"]), "'carrier.example' is not an IPv4 or IPv6 address or CIDR" },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { DefaultCountry = "Brazil" }] }, "DefaultCountry 'Brazil' is not an ISO 3166 region code" },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { RegistersAs = "1001" }] }, "RegistersAs '1001' is an extension number." },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk, BrTrunk with { InboundSources = [] }] }, "sao-paulo: trunk name 'br-carrier' is also used in sao-paulo." },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk, BrTrunk with { Name = "second", InboundSources = ["203.0.113.0/24"] }] }, "inbound source 203.0.113.0/24 is also a source of trunk 'br-carrier'" },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { Outbound = BrTrunk.Outbound! with { Port = 0 } }] }, "outbound Port 0 is outside 1..65535." },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { Outbound = BrTrunk.Outbound! with { Host = " " } }] }, "outbound Host is empty." },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { Outbound = BrTrunk.Outbound! with { Register = true, Username = null } }] }, "Register needs a Username." },
        { RoutingFixtures.SaoPaulo() with { Trunks = [BrTrunk with { Outbound = null }] }, "sao-paulo: DialPlan[0].Trunk 'br-carrier' has no Outbound section" },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "1002", Extension = "1001" }] }, "sao-paulo: DID '1002' is also an extension number." },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "+55 11 4000-1234", Extension = "1001" }, new DidConfig { Number = "+551140001234", Extension = "1002" }] }, "sao-paulo: DID '+551140001234' is defined twice (as +551140001234)" },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "main", Extension = "1001" }] }, "DID 'main' is neither E.164" },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "+0", Extension = "1001" }] }, "DID '+0' is neither E.164" },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "4001" }] }, "DID '4001' must name exactly one of Extension and Service." },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "4001", Extension = "1001", Service = "sales" }] }, "must name exactly one" },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "4001", Extension = "7777" }] }, "DID '4001' routes to '7777', which is not an extension." },
        { RoutingFixtures.SaoPaulo() with { Dids = [new DidConfig { Number = "4001", Service = "support" }] }, "routes to service 'support', which profile sao-paulo does not define." },
        { RoutingFixtures.SaoPaulo() with { Services = [new ServiceConfig { Name = "sales", Extensions = [] }] }, "service 'sales' has no extension to ring." },
        { RoutingFixtures.SaoPaulo() with { Services = [new ServiceConfig { Name = "sales", Extensions = ["1001", "9"] }] }, "service 'sales' rings '9', which is not an extension." },
        { RoutingFixtures.SaoPaulo() with { Services = [new ServiceConfig { Name = "sales", Extensions = ["1001"], RingTimeout = TimeSpan.Zero }] }, "ring timeout that is not positive" },
        { RoutingFixtures.SaoPaulo() with { Extensions = ["1001", "1002", "1003", "1001"] }, "sao-paulo: extension '1001' is also defined in sao-paulo." },
    };

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public void Inconsistent_configuration_is_refused_with_a_clear_error(RoutingProfileConfig profile, string expected)
    {
        var exception = RoutingFixtures.Invalid(profile);

        Assert.Contains(exception.Errors, error => error.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_across_profiles_are_refused()
    {
        var newYork = RoutingFixtures.NewYork();
        var clash = newYork with
        {
            Extensions = ["1001", "2002"],
            Trunks = [newYork.Trunks[0] with { Name = "BR-CARRIER", InboundSources = ["203.0.113.0/24"], RegistersAs = null }],
            Dids = [new DidConfig { Number = "+55 (11) 4000-1234", Extension = "2002" }],
            DialPlan = [],
        };

        var exception = RoutingFixtures.Invalid(RoutingFixtures.SaoPaulo(), clash);

        Assert.Equal(
            [
                "new-york: extension '1001' is also defined in sao-paulo.",
                "new-york: trunk 'BR-CARRIER': inbound source 203.0.113.0/24 is also a source of trunk 'br-carrier'; a source must identify one trunk.",
                "new-york: DID '+55 (11) 4000-1234' is defined twice (as +551140001234); a DID must be unique across all profiles.",
            ],
            exception.Errors);
    }

    [Fact]
    public void A_rule_cannot_use_a_trunk_of_another_profile()
    {
        var newYork = RoutingFixtures.NewYork() with { DialPlan = [new DialPlanRuleConfig { Match = "0[0-9]+", Trunk = "br-carrier" }] };

        var exception = RoutingFixtures.Invalid(RoutingFixtures.SaoPaulo(), newYork);

        Assert.Equal(["new-york: DialPlan[0].Trunk 'br-carrier' is not a trunk of profile new-york."], exception.Errors);
    }

    [Fact]
    public void Empty_configuration_builds_a_table_that_routes_nothing()
    {
        var table = RoutingTable.Create(new RoutingConfiguration { Profiles = [] });

        Assert.Empty(table.Trunks);
        Assert.Null(table.IdentifyTrunk(System.Net.IPAddress.Loopback));
        Assert.Equal(NoRouteReason.UnknownCaller, Assert.IsType<OutboundNoRoute>(table.RouteOutbound("1001", "1002")).Reason);
    }
}
