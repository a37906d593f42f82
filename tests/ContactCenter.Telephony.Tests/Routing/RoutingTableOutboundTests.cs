using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class RoutingTableOutboundTests
{
    private readonly RoutingTable _table = RoutingFixtures.Table();

    [Theory]
    // Brazil: emergency first, national with 0 + area code, local 8/9 digits, international 00 + carrier.
    [InlineData("1001", "190", "190", 0, true)]
    [InlineData("1001", "193", "193", 0, true)]
    [InlineData("1001", "011987654321", "+5511987654321", 1, false)]
    [InlineData("1001", "0 21 3333-4444", "+552133334444", 1, false)]
    [InlineData("1001", "40001234", "+551140001234", 2, false)]
    [InlineData("1001", "987654321", "+5511987654321", 2, false)]
    [InlineData("1001", "0021 1 212 555 0123", "+12125550123", 3, false)]
    // US: 911, then 9 for an outside line with 10 or 11 digits, then 9011 international.
    [InlineData("2001", "911", "911", 0, true)]
    [InlineData("2001", "92125550123", "2125550123", 1, false)]
    [InlineData("2001", "9 1 (212) 555-0123", "12125550123", 1, false)]
    [InlineData("2001", "9011442079460958", "+442079460958", 2, false)]
    public void Dialled_number_leaves_through_the_first_matching_rule(string caller, string dialled, string number, int rule, bool emergency)
    {
        var route = Assert.IsType<OutboundToTrunk>(_table.RouteOutbound(caller, dialled));

        Assert.Equal(number, route.Number);
        Assert.Equal(rule, route.RuleIndex);
        Assert.Equal(emergency, route.Emergency);
        Assert.Equal(caller.StartsWith('1') ? "br-carrier" : "us-carrier", route.Trunk.Name);
    }

    [Theory]
    [InlineData("1001", "1002")]
    [InlineData("1001", "2002")]
    [InlineData("2001", "1003")]
    [InlineData("2001", "10-03")]
    public void Internal_extension_dialled_is_an_internal_call_across_profiles(string caller, string dialled)
    {
        Assert.Equal(new OutboundToExtension(dialled.Replace("-", "", StringComparison.Ordinal)), _table.RouteOutbound(caller, dialled));
    }

    [Theory]
    [InlineData("1001", "911", NoRouteReason.NoMatchingRule, 404)]
    [InlineData("1001", "12345", NoRouteReason.NoMatchingRule, 404)]
    [InlineData("2001", "2125550123", NoRouteReason.NoMatchingRule, 404)]
    [InlineData("9999", "011987654321", NoRouteReason.UnknownCaller, 403)]
    [InlineData("us-carrier-in", "190", NoRouteReason.UnknownCaller, 403)]
    [InlineData("1001", "", NoRouteReason.InvalidNumber, 484)]
    [InlineData("1001", " - ", NoRouteReason.InvalidNumber, 484)]
    [InlineData("1001", "0119876\u000154321", NoRouteReason.InvalidNumber, 484)]
    public void Unroutable_calls_get_a_reason_and_status(string caller, string dialled, NoRouteReason reason, int status)
    {
        var route = Assert.IsType<OutboundNoRoute>(_table.RouteOutbound(caller, dialled));

        Assert.Equal(reason, route.Reason);
        Assert.Equal(status, route.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(route.Detail));
    }

    [Fact]
    public void Oversized_dialled_string_is_invalid()
    {
        var route = Assert.IsType<OutboundNoRoute>(_table.RouteOutbound("1001", "0" + new string('1', 100_000)));

        Assert.Equal(NoRouteReason.InvalidNumber, route.Reason);
    }

    [Fact]
    public void Rule_order_decides_between_overlapping_rules()
    {
        DialPlanRuleConfig specific = new() { Match = "0800[0-9]{7}", Trunk = "br-carrier", Prepend = "*" };
        DialPlanRuleConfig general = new() { Match = "0[0-9]+", Strip = 1, Prepend = "+55", Trunk = "br-carrier" };

        var specificFirst = RoutingTable.Create(new RoutingConfiguration { Profiles = [RoutingFixtures.SaoPaulo(dialPlan: [specific, general])] });
        var generalFirst = RoutingTable.Create(new RoutingConfiguration { Profiles = [RoutingFixtures.SaoPaulo(dialPlan: [general, specific])] });

        Assert.Equal("*08001234567", Assert.IsType<OutboundToTrunk>(specificFirst.RouteOutbound("1001", "0800 123 4567")).Number);
        Assert.Equal("+558001234567", Assert.IsType<OutboundToTrunk>(generalFirst.RouteOutbound("1001", "0800 123 4567")).Number);
    }

    [Theory]
    [InlineData(0, "", "011987654321")]
    [InlineData(1, "", "11987654321")]
    [InlineData(3, "+55 ", "+55987654321")]
    [InlineData(12, "190", "190")]
    public void Strip_then_prepend(int strip, string prepend, string expected)
    {
        var table = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles = [RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "[0-9]+", Strip = strip, Prepend = prepend.Trim(), Trunk = "br-carrier" }])],
        });

        Assert.Equal(expected, Assert.IsType<OutboundToTrunk>(table.RouteOutbound("1001", "011987654321")).Number);
    }

    [Fact]
    public void Rule_that_would_strip_more_than_was_dialled_is_skipped()
    {
        var table = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles =
            [
                RoutingFixtures.SaoPaulo(dialPlan:
                [
                    new DialPlanRuleConfig { Match = "[0-9]+", Strip = 4, Trunk = "br-carrier" },
                    new DialPlanRuleConfig { Match = "[0-9]+", Prepend = "*", Trunk = "br-carrier" },
                ]),
            ],
        });

        Assert.Equal(1, Assert.IsType<OutboundToTrunk>(table.RouteOutbound("1001", "190")).RuleIndex);
        Assert.Equal(0, Assert.IsType<OutboundToTrunk>(table.RouteOutbound("1001", "19000")).RuleIndex);
    }

    [Theory]
    // An extension with its own DID presents that DID; others (1003 has only the short DID 4000) present the main number.
    [InlineData("1002", "+551140001002")]
    [InlineData("1001", "+551140001234")]
    [InlineData("1003", "+551140001234")]
    public void Caller_id_in_from_is_the_extension_did_or_the_main_number(string caller, string presented)
    {
        var route = Assert.IsType<OutboundToTrunk>(_table.RouteOutbound(caller, "011987654321"));

        Assert.Equal(new CallerIdentity(presented, "sip.carrier.example", null, presented), route.CallerId);
    }

    [Theory]
    [InlineData("2001", "2125550123")]
    [InlineData("2002", "2125550100")]
    public void Caller_id_in_p_asserted_identity_keeps_the_account_in_from(string caller, string presented)
    {
        var route = Assert.IsType<OutboundToTrunk>(_table.RouteOutbound(caller, "92125559876"));

        Assert.Equal(new CallerIdentity("nyc-account", "us-carrier.example", presented, presented), route.CallerId);
    }

    [Fact]
    public void Without_a_number_to_present_from_carries_the_account_or_anonymous()
    {
        var withAccount = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles = [RoutingFixtures.SaoPaulo(outbound: new TrunkOutboundConfig { Host = "10.0.0.1", Username = "acct", FromUser = "fixed" }) with { Dids = [], Services = [] }],
        });
        var withNothing = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles = [RoutingFixtures.SaoPaulo(outbound: new TrunkOutboundConfig { Host = "10.0.0.1", CallerIdHeader = CallerIdHeader.PAssertedIdentity }) with { Dids = [], Services = [] }],
        });

        Assert.Equal(new CallerIdentity("fixed", "10.0.0.1", null, null), Assert.IsType<OutboundToTrunk>(withAccount.RouteOutbound("1001", "190")).CallerId);
        Assert.Equal(new CallerIdentity("anonymous", "10.0.0.1", null, null), Assert.IsType<OutboundToTrunk>(withNothing.RouteOutbound("1001", "190")).CallerId);
    }

    [Fact]
    public void Hostile_dial_plan_pattern_cannot_stall_routing()
    {
        var table = RoutingTable.Create(new RoutingConfiguration
        {
            Profiles = [RoutingFixtures.SaoPaulo(dialPlan: [new DialPlanRuleConfig { Match = "(1+)+2", Trunk = "br-carrier" }, new DialPlanRuleConfig { Match = "1+", Trunk = "br-carrier" }])],
        });
        var dialled = new string('1', PhoneNumberNormalizer.MaxLength);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var route = Assert.IsType<OutboundToTrunk>(table.RouteOutbound("1001", dialled));

        Assert.Equal(1, route.RuleIndex);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"routing took {watch.Elapsed}");
    }
}
