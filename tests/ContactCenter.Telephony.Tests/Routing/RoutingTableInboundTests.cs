using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Tests.Routing;

public sealed class RoutingTableInboundTests
{
    private readonly RoutingTable _table = RoutingFixtures.Table();

    [Theory]
    [InlineData("br-carrier", "+551140001234")]
    [InlineData("br-carrier", "011 4000-1234")]
    [InlineData("br-carrier", "+55 11 4000 1234")]
    [InlineData("br-carrier", "1140001234")]
    [InlineData("br-carrier", "5511 4000 1234")]
    [InlineData("br-carrier", "+551140001234;npdi;rn=+551100")]
    [InlineData("us-carrier", "011551140001234")]
    [InlineData("us-carrier", "+551140001234")]
    public void Dialled_did_in_any_written_form_reaches_the_service(string trunk, string dialled)
    {
        Assert.True(_table.TryGetTrunk(trunk, out var via));

        var target = Assert.IsType<InboundToService>(_table.RouteInbound(via, dialled));

        Assert.Equal("+551140001234", target.Did);
        Assert.Equal("sales", target.Service.Name);
        Assert.Equal(["1001", "1003"], target.Service.Extensions);
        Assert.Equal(RingStrategy.Sequential, target.Service.Strategy);
        Assert.Equal(TimeSpan.FromSeconds(15), target.Service.RingTimeout);
    }

    [Theory]
    [InlineData("br-carrier", "011 4000-1002", "1002", "+551140001002")]
    [InlineData("us-carrier", "2125550123", "2001", "+12125550123")]
    [InlineData("us-carrier", "1 (212) 555-0123", "2001", "+12125550123")]
    [InlineData("br-carrier", "+12125550123", "2001", "+12125550123")]
    [InlineData("br-carrier", "4000", "1003", "4000")]
    [InlineData("us-carrier", "40 00", "1003", "4000")]
    public void Dialled_did_reaches_its_extension(string trunk, string dialled, string extension, string did)
    {
        Assert.True(_table.TryGetTrunk(trunk, out var via));

        Assert.Equal(new InboundToExtension(extension, did), _table.RouteInbound(via, dialled));
    }

    [Theory]
    [InlineData("br-carrier", "+551140009999")]
    [InlineData("br-carrier", "1001")]
    [InlineData("us-carrier", "1140001234")]
    [InlineData("br-carrier", "")]
    [InlineData("br-carrier", ";npdi")]
    [InlineData("br-carrier", "sales")]
    public void Unknown_did_is_not_found(string trunk, string dialled)
    {
        Assert.True(_table.TryGetTrunk(trunk, out var via));

        var target = Assert.IsType<InboundNotFound>(_table.RouteInbound(via, dialled));

        Assert.Equal(dialled, target.Dialled);
        Assert.Equal(404, target.StatusCode);
    }

    [Fact]
    public void Oversized_dialled_string_is_not_found_without_parsing()
    {
        Assert.IsType<InboundNotFound>(_table.RouteInbound(_table.Trunks[0], "+551140001234" + new string('1', 100_000)));
    }

    [Theory]
    [InlineData("br-carrier", "011987654321", "+5511987654321")]
    [InlineData("us-carrier", "(212) 555-0199", "+12125550199")]
    [InlineData("us-carrier", "anonymous", null)]
    public void Caller_numbers_are_normalized_with_the_trunk_country(string trunk, string user, string? e164)
    {
        Assert.True(_table.TryGetTrunk(trunk, out var via));

        Assert.Equal(e164, RoutingTable.NormalizeCaller(via, user).E164);
    }
}
