using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Tests;

/// <summary>A misconfigured server must refuse to start, saying why, rather than run half-working.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Theory]
    [InlineData("ContactCenter:Sip:T1Milliseconds", "0", "ContactCenter:Sip:T1Milliseconds is 0")]
    [InlineData("ContactCenter:Calls:MaxPendingWork", "0", "ContactCenter:Calls:MaxPendingWork is 0")]
    public void Invalid_option_stops_the_host_naming_the_key(string key, string value, string expected)
    {
        using var factory = new ServerFactory(_root, new Dictionary<string, string?> { [key] = value });
        ProfileFiles.WriteSimple(factory.ProfilesDirectory, "office", """{ "Number": "1001" }""");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(Innermost<OptionsValidationException>(exception));
        Assert.Contains(expected, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_profile_stops_the_host_with_the_profile_error()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.Write(factory.ProfilesDirectory, "office.json", """{ "Listen": [ { "Transport": "tls", "Port": 5061 } ] }""");

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var profileError = Assert.IsType<SipProfileException>(Innermost<SipProfileException>(exception));
        Assert.Contains("office.json: Listen[0].Transport 'tls' is not supported", profileError.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "extension-credentials.json")));
    }

    [Fact]
    public void Routing_the_profile_checks_cannot_see_stops_the_host_naming_it()
    {
        // A DID too short for the trunk's country passes the per-file checks but not the routing table built from them.
        using var factory = new ServerFactory(_root);
        ProfileFiles.Write(factory.ProfilesDirectory, "office.json", $$"""
            {
              "Name": "office",
              {{ProfileFiles.LoopbackUdpAndTcp}},
              "Extensions": [ { "Number": "1001" } ],
              "Trunks": [ { "Name": "carrier", "DefaultCountry": "BR", "Inbound": { "Sources": [ "192.0.2.0/24" ] } } ],
              "Dids": { "+5511": { "Extension": "1001" } }
            }
            """);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.NotNull(Innermost<ContactCenter.Telephony.Routing.RoutingConfigurationException>(exception) ??
                       Innermost<SipProfileException>(exception));
    }

    [Fact]
    public void A_profile_with_a_trunk_gives_a_routing_table_that_routes_its_dids()
    {
        using var factory = new ServerFactory(_root);
        ProfileFiles.Write(factory.ProfilesDirectory, "office.json", $$"""
            {
              "Name": "office",
              {{ProfileFiles.LoopbackUdpAndTcp}},
              "Extensions": [ { "Number": "1001" } ],
              "Trunks": [ { "Name": "carrier", "DefaultCountry": "BR", "Inbound": { "Sources": [ "192.0.2.0/24" ] } } ],
              "Dids": { "+551140001234": { "Extension": "1001" } }
            }
            """);
        using var client = factory.CreateClient();

        var routing = (ContactCenter.Telephony.Routing.RoutingTable)factory.Services.GetService(typeof(ContactCenter.Telephony.Routing.RoutingTable))!;
        var trunk = routing.IdentifyTrunk(System.Net.IPAddress.Parse("192.0.2.7"))!;
        var target = Assert.IsType<ContactCenter.Telephony.Routing.InboundToExtension>(routing.RouteInbound(trunk, "1140001234"));
        Assert.Equal("1001", target.Extension);
    }

    private static Exception? Innermost<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T)
            {
                return current;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Select(Innermost<T>).FirstOrDefault(found => found is not null) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    public void Dispose() => _root.Dispose();
}
