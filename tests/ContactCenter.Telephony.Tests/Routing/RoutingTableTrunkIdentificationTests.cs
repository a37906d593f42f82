using System.Net;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class RoutingTableTrunkIdentificationTests
{
    private readonly RoutingTable _table = RoutingFixtures.Table();

    [Theory]
    // 203.0.113.64/26 (us-carrier) lies inside 203.0.113.0/24 (br-carrier): the longer prefix wins.
    [InlineData("203.0.113.10", "br-carrier")]
    [InlineData("203.0.113.63", "br-carrier")]
    [InlineData("203.0.113.64", "us-carrier")]
    [InlineData("203.0.113.127", "us-carrier")]
    [InlineData("203.0.113.128", "br-carrier")]
    [InlineData("198.51.100.7", "us-carrier")]
    [InlineData("::ffff:203.0.113.70", "us-carrier")]
    [InlineData("2001:db8:55::1", "br-carrier")]
    [InlineData("2001:db8:55:ffff:ffff:ffff:ffff:ffff", "br-carrier")]
    [InlineData("198.51.100.8", null)]
    [InlineData("2001:db8:56::1", null)]
    [InlineData("::1", null)]
    public void Source_address_identifies_the_trunk_by_longest_prefix(string source, string? expected)
    {
        Assert.Equal(expected, _table.IdentifyTrunk(IPAddress.Parse(source))?.Name);
    }

    [Fact]
    public void Longest_prefix_wins_whatever_the_configuration_order()
    {
        var wide = RoutingFixtures.SaoPaulo(sources: ["10.0.0.0/8", "2001:db8::/32"]);
        var narrow = RoutingFixtures.NewYork() with
        {
            Trunks = [RoutingFixtures.NewYork().Trunks[0] with { InboundSources = ["10.1.2.0/24", "2001:db8:1::/48"] }],
        };

        foreach (var profiles in new[] { new[] { wide, narrow }, new[] { narrow, wide } })
        {
            var table = RoutingTable.Create(new RoutingConfiguration { Profiles = profiles });
            Assert.Equal("us-carrier", table.IdentifyTrunk(IPAddress.Parse("10.1.2.3"))!.Name);
            Assert.Equal("br-carrier", table.IdentifyTrunk(IPAddress.Parse("10.1.3.3"))!.Name);
            Assert.Equal("us-carrier", table.IdentifyTrunk(IPAddress.Parse("2001:db8:1::9"))!.Name);
            Assert.Equal("br-carrier", table.IdentifyTrunk(IPAddress.Parse("2001:db8:2::9"))!.Name);
        }
    }

    [Fact]
    public void Registration_user_identifies_the_trunk()
    {
        Assert.Equal("us-carrier", _table.IdentifyTrunkByRegistration("us-carrier-in")?.Name);
        Assert.Null(_table.IdentifyTrunkByRegistration("1001"));
        Assert.Null(_table.IdentifyTrunkByRegistration("US-CARRIER-IN"));
    }

    [Fact]
    public void Trunks_are_listed_with_their_profile_and_found_by_name()
    {
        Assert.Equal(["br-carrier (sao-paulo)", "us-carrier (new-york)"], _table.Trunks.Select(trunk => trunk.ToString()));
        Assert.True(_table.TryGetTrunk("US-Carrier", out var trunk));
        Assert.Equal(5080, trunk.Outbound!.Port);
        Assert.False(_table.TryGetTrunk("nope", out _));
    }

    [Fact]
    public void Outbound_settings_print_without_the_password()
    {
        var text = _table.Trunks[0].Outbound!.ToString();

        Assert.DoesNotContain("provider-secret", text, StringComparison.Ordinal);
        Assert.Contains("password=set", text, StringComparison.Ordinal);
        Assert.DoesNotContain("provider-secret", _table.Trunks[0].Config.ToString(), StringComparison.Ordinal);
    }
}
