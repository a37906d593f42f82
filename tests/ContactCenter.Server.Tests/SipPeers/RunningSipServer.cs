using System.Net;
using ContactCenter.Events;
using ContactCenter.Server.SipHosting;
using ContactCenter.Server.Tests.Support;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The real server (host, SIP stacks, registrar, event bus) on loopback ports it picked itself, with extensions
/// 3001–3005 whose passwords are "pw-&lt;number&gt;". Each test starts its own and disposes it.
/// </summary>
public sealed class RunningSipServer : IAsyncDisposable
{
    public const string Realm = "peers.test";

    private readonly TemporaryDirectory _root = new();
    private readonly ServerFactory _factory;

    /// <param name="routing">Further profile members (Trunks, Dids, Services, DialPlan) as JSON, without a leading comma.</param>
    public RunningSipServer(IDictionary<string, string?>? settings = null, string? routing = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["ContactCenter:Sip:Registrar:AuthFailureLimit"] = "3",
            ["ContactCenter:Sip:Registrar:MinExpires"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        _factory = new ServerFactory(_root, all);
        ProfileFiles.Write(_factory.ProfilesDirectory, "peers.json", $$"""
            {
              "Name": "peers",
              "Realm": "{{Realm}}",
              {{ProfileFiles.LoopbackUdpAndTcp}},
              "Extensions": [ {{string.Join(", ", Enumerable.Range(3001, 5).Select(n => $$"""{ "Number": "{{n}}", "Password": "pw-{{n}}" }"""))}} ]{{(routing is null ? "" : ",\n" + routing)}}
            }
            """);
        var sip = _factory.Services.GetRequiredService<SipHostedService>();
        var endpoints = sip.Stacks.Single().LocalEndPoints;
        Udp = endpoints.Single(e => e.Transport == SipTransportKind.Udp).EndPoint;
        Tcp = endpoints.Single(e => e.Transport == SipTransportKind.Tcp).EndPoint;
        Location = _factory.Services.GetRequiredService<LocationService>();
        Bus = _factory.Services.GetRequiredService<IEventBus>();
        Calls = sip.CallEngines.Single();
        Cdr = _factory.Services.GetRequiredService<CdrStore>();
        Logs = _factory.Logs;
    }

    public IPEndPoint Udp { get; }
    public IPEndPoint Tcp { get; }
    public LocationService Location { get; }
    public IEventBus Bus { get; }
    public CallEngine Calls { get; }
    public CdrStore Cdr { get; }
    public CapturingLoggerProvider Logs { get; }

    /// <summary>The host's services, for modules the properties above do not cover (the ACD's runtime and administration).</summary>
    public IServiceProvider Services => _factory.Services;
    public string WorkDirectory => _root.Path;

    /// <summary>An HTTP client to the host's API (CTI, ACD admin).</summary>
    public HttpClient CreateHttpClient() => _factory.CreateClient();

    /// <summary>A sipp injection file for extensions <paramref name="numbers"/> (see tests/load/README.md for the fields).</summary>
    public string WriteUsersCsv(params int[] numbers)
    {
        var path = _root.Combine($"users-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["SEQUENTIAL", .. numbers.Select(n =>
            $"{n};pw-{n};[authentication username={n} password=pw-{n}];[authentication username={n} password=wrong-{n}]")]);
        return path;
    }

    public static string LoadScenario(string file) => Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "load", file);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _root.Dispose();
    }
}
