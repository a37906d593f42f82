using ContactCenter.Server.SipDirectory;
using ContactCenter.Server.Tests.Support;

namespace ContactCenter.Server.Tests.SipDirectory;

public sealed class SipProfileLoaderTests : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    [Fact]
    public void Shipped_default_profile_listens_on_5060_and_carries_no_password()
    {
        var catalog = SipProfileLoader.Load(Path.Combine(ProfileFiles.RepositoryRoot(), "sip-profiles"));

        var profile = Assert.Single(catalog.Profiles);
        Assert.Equal("default", profile.Name);
        Assert.Equal("default", profile.Realm);
        Assert.Equal(["udp:0.0.0.0:5060", "tcp:0.0.0.0:5060"], profile.Listen.Select(endpoint => endpoint.ToString()));
        Assert.Equal(["1001", "1002", "1003", "1004", "1005"], profile.Extensions.Select(extension => extension.Number));
        Assert.All(profile.Extensions, extension => Assert.Null(extension.Password));
    }

    [Fact]
    public void Name_defaults_to_the_file_name_and_realm_to_the_name()
    {
        ProfileFiles.Write(_root.Path, "branch-2.json", $$"""
            { {{ProfileFiles.LoopbackUdpAndTcp}}, "Extensions": [ { "number": "3001", "displayName": "Reception" } ] }
            """);

        var profile = Assert.Single(SipProfileLoader.Load(_root.Path).Profiles);

        Assert.Equal("branch-2", profile.Name);
        Assert.Equal("branch-2", profile.Realm);
        Assert.Equal(Path.Combine(_root.Path, "branch-2.json"), profile.SourceFile);
        var extension = Assert.Single(profile.Extensions);
        Assert.Equal("Reception", extension.DisplayName);
        Assert.Equal(SipListenTransport.Udp, profile.Listen[0].Protocol);
        Assert.Equal(SipListenTransport.Tcp, profile.Listen[1].Protocol);
    }

    [Fact]
    public void Transport_names_are_case_insensitive_and_ipv6_is_accepted()
    {
        ProfileFiles.Write(_root.Path, "v6.json", """
            { "Listen": [ { "Transport": "TCP", "Address": "::1", "Port": 5070 } ] }
            """);

        var endpoint = Assert.Single(Assert.Single(SipProfileLoader.Load(_root.Path).Profiles).Listen);

        Assert.Equal("tcp", endpoint.Transport);
        Assert.Equal(System.Net.IPAddress.IPv6Loopback, endpoint.ToIPEndPoint().Address);
    }

    [Theory]
    [InlineData("""{ "Listen": [ { "Transport": "tls", "Address": "0.0.0.0", "Port": 5061 } ] }""", "a.json: Listen[0].Transport 'tls' is not supported")]
    [InlineData("""{ "Listen": [ { "Transport": "udp", "Address": "0.0.0.0", "Port": 70000 } ] }""", "a.json: Listen[0].Port 70000 is outside 0..65535")]
    [InlineData("""{ "Listen": [ { "Transport": "udp", "Address": "0.0.0.0", "Port": -1 } ] }""", "a.json: Listen[0].Port -1 is outside")]
    [InlineData("""{ "Listen": [ { "Transport": "udp", "Address": "example.com", "Port": 5060 } ] }""", "a.json: Listen[0].Address 'example.com' is not an IPv4 or IPv6 address")]
    [InlineData("""{ "Listen": [ { "Transport": "udp", "Address": "0.0.0.0", "Port": "abc" } ] }""", "a.json:")]
    [InlineData("""{ "Listen": [] }""", "a.json: Listen is empty")]
    [InlineData("""{ "Listen": [ { "Transport": "udp", "Port": 5060 }, { "Transport": "udp", "Port": 5060 } ] }""", "a.json: Listen[1] (udp:0.0.0.0:5060) is already used by a.json: Listen[0]")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Extensions": [ { "Number": "1" }, { "Number": "1" } ] }""", "a.json: Extensions[1].Number '1' is defined twice (also a.json: Extensions[0])")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Extensions": [ { "Number": "" } ] }""", "a.json: Extensions[0].Number '' must be 1 to 64")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Extensions": [ { "Number": "10:01" } ] }""", "a.json: Extensions[0].Number '10:01' must be")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Extensions": [ { "Number": "1", "Password": "" } ] }""", "a.json: Extensions[0].Password must be 1 to 256 characters")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Realm": "bad\"realm" }""", "a.json: Realm 'bad\"realm' must be")]
    [InlineData("""{ "Name": "has space", "Listen": [ { "Transport": "udp" } ] }""", "a.json: Name 'has space' must be")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ], "Extentions": [ { "Number": "1" } ] }""", "Extentions")]
    [InlineData("""{ "Listen": [ { "Transport": "udp" } ] """, "a.json: cannot be read as JSON")]
    public void Invalid_profile_stops_with_a_message_naming_file_and_problem(string json, string expected)
    {
        ProfileFiles.Write(_root.Path, "a.json", json);

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Contains(exception.Errors, error => error.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_numbers_and_listeners_must_be_unique_across_profiles()
    {
        ProfileFiles.Write(_root.Path, "a.json", """{ "Listen": [ { "Transport": "udp", "Port": 5060 } ], "Extensions": [ { "Number": "1001" } ] }""");
        ProfileFiles.Write(_root.Path, "b.json", """{ "Listen": [ { "Transport": "udp", "Port": 5060 } ], "Extensions": [ { "Number": "1001" } ] }""");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Equal(
            [
                "b.json: Listen[0] (udp:0.0.0.0:5060) is already used by a.json: Listen[0].",
                "b.json: Extensions[0].Number '1001' is defined twice (also a.json: Extensions[0]); numbers must be unique across all profiles.",
            ],
            exception.Errors);
    }

    [Fact]
    public void Profile_names_must_be_unique()
    {
        ProfileFiles.Write(_root.Path, "a.json", """{ "Name": "office", "Listen": [ { "Transport": "udp", "Port": 0 } ] }""");
        ProfileFiles.Write(_root.Path, "b.json", """{ "Name": "Office", "Listen": [ { "Transport": "udp", "Port": 0 } ] }""");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Equal(["b.json: Name 'Office' is already used by a.json."], exception.Errors);
    }

    [Fact]
    public void Every_broken_file_is_reported_in_one_pass()
    {
        ProfileFiles.Write(_root.Path, "a.json", "not json");
        ProfileFiles.Write(_root.Path, "b.json", """{ "Listen": [ { "Transport": "sctp" } ] }""");
        ProfileFiles.WriteSimple(_root.Path, "c", """{ "Number": "1" }""");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Equal(2, exception.Errors.Count);
        Assert.StartsWith("a.json:", exception.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("b.json:", exception.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_a_clear_error()
    {
        var missing = _root.Combine("nope");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(missing));

        Assert.Contains(missing, exception.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_without_profiles_is_a_clear_error()
    {
        File.WriteAllText(_root.Combine("readme.txt"), "not a profile");

        var exception = Assert.Throws<SipProfileException>(() => SipProfileLoader.Load(_root.Path));

        Assert.Contains("no *.json profile file found", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Dispose();
}
