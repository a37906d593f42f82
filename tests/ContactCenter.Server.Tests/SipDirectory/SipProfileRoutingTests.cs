using System.Text.RegularExpressions;
using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.Tests.Support;

namespace ContactCenter.Server.Tests.SipDirectory;

public sealed class SipProfileRoutingTests : IDisposable
{
    private const string Listen = """ "Listen": [ { "Transport": "udp", "Port": 0 } ] """;
    private const string Extensions = """ "Extensions": [ { "Number": "1001" }, { "Number": "1002" } ] """;
    private const string Trunk = """
        "Trunks": [ { "Name": "carrier", "DefaultCountry": "BR",
                      "Inbound": { "Sources": [ "203.0.113.0/24" ] },
                      "Outbound": { "Host": "sip.carrier.example", "Username": "acct", "Password": "provider-secret" } } ]
        """;

    private readonly TemporaryDirectory _root = new();

    [Fact]
    public void Readme_example_profile_loads_with_every_routing_field_bound()
    {
        ProfileFiles.Write(_root.Path, "sao-paulo.json", ReadmeExample());

        var profile = Assert.Single(SipProfileLoader.Load(_root.Path).Profiles);

        var trunk = Assert.Single(profile.Trunks);
        Assert.Equal(("br-carrier", "BR", 30), (trunk.Name, trunk.DefaultCountry, trunk.MaxChannels));
        Assert.Equal(["203.0.113.0/24", "2001:db8:55::/48"], trunk.Inbound!.Sources);
        Assert.Null(trunk.Inbound.RegistersAs);
        var outbound = trunk.Outbound!;
        Assert.Equal(("sip.carrier.example", 5060, "udp"), (outbound.Host, outbound.Port, outbound.Transport));
        Assert.Equal(("acct-77", "the provider's password"), (outbound.Username, outbound.Password));
        Assert.Equal((true, 600), (outbound.Register, outbound.RegisterExpires));
        Assert.Equal(("pai", "e164", "+55 11 4000-1234"), (outbound.CallerIdHeader, outbound.CallerIdFormat, outbound.CallerIdNumber));
        Assert.Null(outbound.FromUser);
        Assert.Equal("sales", profile.Dids["+55 11 4000-1234"].Service);
        Assert.Equal("1002", profile.Dids["+551140001002"].Extension);
        var sales = profile.Services["sales"];
        Assert.Equal(["1001", "1003"], sales.Extensions);
        Assert.Equal(("sequential", 15), (sales.Strategy, sales.RingTimeoutSeconds));
        Assert.Equal(4, profile.DialPlan.Count);
        Assert.True(profile.DialPlan[0].Emergency);
        Assert.Equal((1, "+55", "br-carrier", false), (profile.DialPlan[1].Strip, profile.DialPlan[1].Prepend, profile.DialPlan[1].Trunk, profile.DialPlan[1].Emergency));
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_defaults_apply()
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""
            { {{Listen}}, {{Extensions}},
              "Trunks": [ { "Name": " carrier ", "DefaultCountry": "us",
                            "Inbound": { "RegistersAs": "carrier-in" },
                            "Outbound": { "Host": "2001:db8::5", "Transport": "TCP", "CallerIdHeader": "PAI", "CallerIdFormat": "National" } } ],
              "Services": { "support": { "Extensions": [ " 1001 " ], "Strategy": "ALL" } },
              "Dids": { "+1 (212) 555-0123": { "Service": "Support" } },
              "DialPlan": [ { "Match": "9[0-9]+", "Strip": 1, "Trunk": "CARRIER" } ] }
            """);

        var profile = Assert.Single(SipProfileLoader.Load(_root.Path).Profiles);

        var trunk = Assert.Single(profile.Trunks);
        Assert.Equal(("carrier", "US", null), (trunk.Name, trunk.DefaultCountry, trunk.MaxChannels));
        Assert.Equal("carrier-in", trunk.Inbound!.RegistersAs);
        Assert.Equal(("tcp", 5060, "pai", "national", 3600, false), (trunk.Outbound!.Transport, trunk.Outbound.Port, trunk.Outbound.CallerIdHeader, trunk.Outbound.CallerIdFormat, trunk.Outbound.RegisterExpires, trunk.Outbound.Register));
        Assert.Equal(("all", 30, "1001"), (profile.Services["support"].Strategy, profile.Services["support"].RingTimeoutSeconds, profile.Services["support"].Extensions[0]));
        Assert.Equal("", profile.DialPlan[0].Prepend);
    }

    [Fact]
    public void Profile_without_routing_sections_still_loads()
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""{ {{Listen}}, {{Extensions}} }""");

        var profile = Assert.Single(SipProfileLoader.Load(_root.Path).Profiles);

        Assert.Empty(profile.Trunks);
        Assert.Empty(profile.Dids);
        Assert.Empty(profile.Services);
        Assert.Empty(profile.DialPlan);
    }

    [Theory]
    [InlineData(""" "DialPlan": [ { "Match": "0[0-9]+", "Trunk": "nowhere" } ] """, "a.json: DialPlan[0].Trunk 'nowhere' is not a trunk of this profile.")]
    [InlineData(""" "DialPlan": [ { "Match": "(0", "Trunk": "carrier" } ] """, "a.json: DialPlan[0].Match '(0' is not a valid regular expression")]
    [InlineData(""" "DialPlan": [ { "Match": "(0)\\1", "Trunk": "carrier" } ] """, "a.json: DialPlan[0].Match '(0)\\1' uses a construct the non-backtracking engine does not support")]
    [InlineData(""" "DialPlan": [ { "Match": "(?<=0)1", "Trunk": "carrier" } ] """, "does not support")]
    [InlineData(""" "DialPlan": [ { "Trunk": "carrier" } ] """, "a.json: DialPlan[0].Match must be a regular expression of 1 to 256 characters.")]
    [InlineData(""" "DialPlan": [ { "Match": "0", "Strip": 65, "Trunk": "carrier" } ] """, "a.json: DialPlan[0].Strip 65 is outside 0..64.")]
    [InlineData(""" "DialPlan": [ { "Match": "0", "Prepend": "sip:", "Trunk": "carrier" } ] """, "a.json: DialPlan[0].Prepend 'sip:' must be")]
    [InlineData(""" "Dids": { "+551140001234": { "Extension": "7777" } } """, "a.json: Dids.+551140001234.Extension '7777' is not an extension of any profile.")]
    [InlineData(""" "Dids": { "+551140001234": { "Service": "sales" } } """, "a.json: Dids.+551140001234.Service 'sales' is not a service of this profile.")]
    [InlineData(""" "Dids": { "+551140001234": { } } """, "a.json: Dids.+551140001234: give exactly one of Extension and Service.")]
    [InlineData(""" "Dids": { "+551140001234": { "Extension": "1001", "Service": "x" } } """, "give exactly one of Extension and Service")]
    [InlineData(""" "Dids": { "main": { "Extension": "1001" } } """, "a.json: Dids.main: the DID must be E.164")]
    [InlineData(""" "Dids": { "+0551140001234": { "Extension": "1001" } } """, "the DID must be E.164")]
    [InlineData(""" "Dids": { "1002": { "Extension": "1001" } } """, "a.json: Dids.1002: the DID is also an extension number")]
    [InlineData(""" "Dids": { "+55 11 4000-1234": { "Extension": "1001" }, "+551140001234": { "Extension": "1002" } } """, "the DID +551140001234 is already defined by a.json: Dids.")]
    [InlineData(""" "Services": { "sales": { "Extensions": [] } } """, "a.json: Services.sales.Extensions is empty")]
    [InlineData(""" "Dids": { "+551140001234": "1001" } """, "a.json: 'ErrorOnUnknownConfiguration' was set")]
    [InlineData(""" "DialPlan": [ { "Match": "0", "Strip": "one", "Trunk": "carrier" } ] """, "a.json:")]
    [InlineData(""" "DialPlan": { "Match": "0", "Trunk": "carrier" } """, "a.json:")]
    [InlineData(""" "Services": { "sales": { "Extensions": [ "1001", "9" ] } } """, "a.json: Services.sales.Extensions: '9' is not an extension of any profile.")]
    [InlineData(""" "Services": { "sales": { "Extensions": [ "1001" ], "Strategy": "random" } } """, "a.json: Services.sales.Strategy 'random' is not supported")]
    [InlineData(""" "Services": { "sales": { "Extensions": [ "1001" ], "RingTimeoutSeconds": 0 } } """, "a.json: Services.sales.RingTimeoutSeconds 0 is outside 1..600.")]
    [InlineData(""" "Services": { "sales team": { "Extensions": [ "1001" ] } } """, "a.json: Services.sales team: the service name must be")]
    [InlineData(""" "Services": { "sales": { "Extensions": [ "1001" ], "Strategy": "all", "Ring": 5 } } """, "Ring")]
    public void Invalid_routing_stops_with_a_message_naming_file_and_problem(string section, string expected)
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""{ {{Listen}}, {{Extensions}}, {{Trunk}}, {{section}} }""");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Contains(exception.Errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(""" "Name": "", "DefaultCountry": "BR", "Inbound": { "Sources": [ "10.0.0.0/8" ] } """, "a.json: Trunks[0].Name '' must be 1 to 64")]
    [InlineData(""" "Name": "t", "DefaultCountry": "Brazil", "Inbound": { "Sources": [ "10.0.0.0/8" ] } """, "a.json: Trunks[0].DefaultCountry 'BRAZIL' is not an ISO 3166 region code")]
    [InlineData(""" "Name": "t", "DefaultCountry": "XX", "Inbound": { "Sources": [ "10.0.0.0/8" ] } """, "DefaultCountry 'XX' is not an ISO 3166 region code")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR" """, "a.json: Trunks[0]: give an Inbound section, an Outbound section or both.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "MaxChannels": 0, "Inbound": { "Sources": [ "10.0.0.0/8" ] } """, "a.json: Trunks[0].MaxChannels 0 must be at least 1")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "RegistersAs": " " } """, "a.json: Trunks[0].Inbound: give Sources (CIDRs), RegistersAs or both")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "Sources": [ "10.0.0.1/8" ] } """, "a.json: Trunks[0].Inbound.Sources[0] '10.0.0.1/8' has host bits set; the network is 10.0.0.0/8.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "Sources": [ "2001:db8::/129" ] } """, "a.json: Trunks[0].Inbound.Sources[0] '2001:db8::/129' has a prefix length that is not 0..128.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "Sources": [ "carrier.example" ] } """, "'carrier.example' is not an IPv4 or IPv6 address or CIDR")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "Sources": [ "10/8" ] } """, "'10/8' is not an IPv4 or IPv6 address or CIDR")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "Sources": [ "10.0.0.0/8", "10.0.0.0/8" ] } """, "a.json: Trunks[0].Inbound.Sources[1] 10.0.0.0/8 is already the source of a.json: Trunks[0].Inbound.Sources[0]")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Inbound": { "RegistersAs": "1001" } """, "a.json: Trunks[0].Inbound.RegistersAs '1001' is an extension number.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "" } """, "a.json: Trunks[0].Outbound.Host '' is not a host name or IP address.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "bad host" } """, "Outbound.Host 'bad host' is not a host name")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "Port": 0 } """, "a.json: Trunks[0].Outbound.Port 0 is outside 1..65535.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "Transport": "tls" } """, "a.json: Trunks[0].Outbound.Transport 'tls' is not supported")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "Register": true } """, "a.json: Trunks[0].Outbound.Register needs a Username and a Password.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "Username": "u", "Password": "p", "Register": true, "RegisterExpires": 30 } """, "a.json: Trunks[0].Outbound.RegisterExpires 30 is outside 60..86400 seconds.")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "CallerIdHeader": "rpid" } """, "a.json: Trunks[0].Outbound.CallerIdHeader 'rpid' is not supported")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "CallerIdFormat": "international" } """, "a.json: Trunks[0].Outbound.CallerIdFormat 'international' is not supported")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "CallerIdNumber": "main line" } """, "a.json: Trunks[0].Outbound.CallerIdNumber 'main line' must be E.164")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbound": { "Host": "h", "FromUser": "a b" } """, "a.json: Trunks[0].Outbound.FromUser 'a b' must be")]
    [InlineData(""" "Name": "t", "DefaultCountry": "BR", "Outbund": { "Host": "h" } """, "Outbund")]
    public void Invalid_trunk_stops_with_a_message_naming_file_and_problem(string trunk, string expected)
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""{ {{Listen}}, {{Extensions}}, "Trunks": [ { {{trunk}} } ] }""");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Contains(exception.Errors, error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Trunk_password_never_appears_in_errors()
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""
            { {{Listen}}, "Trunks": [ { "Name": "t", "DefaultCountry": "BR",
              "Outbound": { "Host": "h", "Password": "hunter2-provider\u0001", "Register": true } } ] }
            """);

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Contains("a.json: Trunks[0].Outbound.Password must be 1 to 256 characters without control characters.", exception.Errors);
        Assert.Contains("a.json: Trunks[0].Outbound.Password is set without a Username.", exception.Errors);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_numbers_and_sources_must_be_unique_across_profiles()
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""
            { "Listen": [ { "Transport": "udp", "Port": 0 } ], "Extensions": [ { "Number": "1001" } ],
              "Trunks": [ { "Name": "carrier", "DefaultCountry": "BR", "Inbound": { "Sources": [ "203.0.113.0/24" ], "RegistersAs": "in" } } ],
              "Dids": { "+551140001234": { "Extension": "1001" } } }
            """);
        ProfileFiles.Write(_root.Path, "b.json", $$"""
            { "Listen": [ { "Transport": "udp", "Port": 0 } ], "Extensions": [ { "Number": "2001" } ],
              "Trunks": [ { "Name": "Carrier", "DefaultCountry": "US", "Inbound": { "Sources": [ "203.0.113.0/24" ], "RegistersAs": "IN" } } ],
              "Dids": { "+55 (11) 4000-1234": { "Extension": "1001" }, "1001": { "Extension": "2001" } } }
            """);

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Equal(
            [
                "b.json: Dids.+55 (11) 4000-1234: the DID +551140001234 is already defined by a.json: Dids.+551140001234; a DID must be unique across all profiles.",
                "b.json: Dids.1001: the DID is also an extension number; one of them must change.",
                "b.json: Trunks[0].Inbound.RegistersAs 'IN' is already used by trunk 'carrier'.",
                "b.json: Trunks[0].Inbound.Sources[0] 203.0.113.0/24 is already the source of a.json: Trunks[0].Inbound.Sources[0]; a source must identify one trunk.",
                "b.json: Trunks[0].Name 'Carrier' is already used by a trunk in a.json; trunk names are unique across profiles.",
            ],
            exception.Errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dial_plan_may_only_use_trunks_that_can_send()
    {
        ProfileFiles.Write(_root.Path, "a.json", $$"""
            { {{Listen}}, {{Extensions}},
              "Trunks": [ { "Name": "in-only", "DefaultCountry": "BR", "Inbound": { "Sources": [ "10.0.0.0/8" ] } } ],
              "DialPlan": [ { "Match": "0[0-9]+", "Trunk": "in-only" } ] }
            """);

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Equal(["a.json: DialPlan[0].Trunk 'in-only' has no Outbound section, so calls cannot leave through it."], exception.Errors);
    }

    public void Dispose() => _root.Dispose();

    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(ProfileFiles.RepositoryRoot(), "README.md"));
        var match = Regex.Match(readme, "<!-- profile-example -->\\s*```json\\s*(?<json>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no <!-- profile-example --> json block.");
        return match.Groups["json"].Value;
    }
}
