using ContactCenter.Acd;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Contracts;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using ContactCenter.Events;
using ContactCenter.Server.Tests.Support;
using CallEventTypes = ContactCenter.Telephony.Calls.CallEventTypes;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// A contact center on loopback for end-to-end ACD tests: the running server with a trunk whose DID
/// <see cref="Did"/> is the entry point of one voice service, configured through the ACD's administration use cases
/// (what the admin API calls) on an empty ACD (no demo); agents whose phones are sipp UASes registered as their
/// extensions and logged in through the ACD; callers are sipp UACs on the trunk. Every ACD and call event is recorded.
/// </summary>
internal sealed class AcdSipCenter : IAsyncDisposable
{
    /// <summary>The service's entry point, in E.164; the provider dials it in national format (<see cref="DialledDid"/>).</summary>
    public const string Did = "+12125550199";
    public const string DialledDid = "2125550199";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly List<SippProcess> _peers = [];

    private AcdSipCenter(RunningSipServer server)
    {
        Server = server;
        Acd = server.Services.GetRequiredService<AcdRuntime>();
        Administration = server.Services.GetRequiredService<AcdAdministration>();
        Events = new EventRecorder(server.Bus, new EventFilter
        {
            Types = [.. AcdEventTypes.PayloadTypes.Keys.Where(t => t is not AcdEventTypes.ServiceStatistics and not AcdEventTypes.AgentStatistics),
                CallEventTypes.Queued, CallEventTypes.Offered, CallEventTypes.Answered, CallEventTypes.Ended],
        });
    }

    public RunningSipServer Server { get; }
    public AcdRuntime Acd { get; }
    public AcdAdministration Administration { get; }
    public EventRecorder Events { get; }

    /// <summary>A voice service at <see cref="Did"/> with the test's timers; every other setting as the admin API defaults it.</summary>
    public static ServiceDefinition Service(string id, RoutingStrategy strategy, AnswerMode answerMode, int offerTimeoutSeconds,
        int classificationSeconds, int postCallSeconds, int serviceLevelSeconds) =>
        new(id, id, MediaType.Voice, [Did], answerMode, AnswerDelaySeconds: 0, offerTimeoutSeconds,
            new ServiceTimes(classificationSeconds, postCallSeconds), new AgentPermissions(), [], strategy, Priority: 0,
            MaxQueueLength: 0, MaxWaitSeconds: 0, OverflowServiceId: null, serviceLevelSeconds, new QueueAnnouncements(),
            ["resolved", "callback"]);

    public static AgentDefinition Agent(string id, string extension, string serviceId) =>
        new(id, id, id, extension, [], MediaCapacity.VoiceOnly, AgentRole.Agent, [serviceId]);

    /// <summary>Starts the server and writes the configuration: dispositions, pause reasons, the service, its agents, alarm rules.</summary>
    public static async Task<AcdSipCenter> StartAsync(ServiceDefinition service, IReadOnlyList<AgentDefinition> agents, IReadOnlyList<AlarmRule>? alarms = null)
    {
        var server = new RunningSipServer(
            settings: new Dictionary<string, string?> { ["ContactCenter:Acd:LoadDemoConfiguration"] = "false" },
            routing: """
                "Trunks": [ { "Name": "carrier", "DefaultCountry": "US", "Inbound": { "Sources": [ "127.0.0.1/32" ] } } ]
                """);
        var center = new AcdSipCenter(server);
        try
        {
            var admin = center.Administration;
            Check(await admin.SaveDispositionAsync(new Disposition("resolved", "Resolved"), create: true));
            Check(await admin.SaveDispositionAsync(new Disposition("callback", "Call back"), create: true));
            Check(await admin.SavePauseReasonAsync(new PauseReason("break", "Break"), create: true));
            Check(await admin.SaveServiceAsync(service, create: true));
            foreach (var agent in agents) Check(await admin.SaveAgentAsync(agent, create: true));
            foreach (var rule in alarms ?? []) Check(await admin.SaveAlarmRuleAsync(rule, create: true));
            return center;
        }
        catch
        {
            await center.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// An agent's phone: registers <paramref name="extension"/> from a port, then a UAS running <paramref name="scenario"/>
    /// (a file in Scenarios/) for <paramref name="calls"/> calls listens on that port, as a phone keeps its own.
    /// </summary>
    public async Task<SippProcess> PhoneAsync(string extension, string scenario, int calls)
    {
        int port = FreePort.Udp();
        await using (var register = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RunningSipServer.LoadScenario("register_digest_uac.xml")),
            Target = Server.Udp.ToString(),
            LocalPort = port,
            CallLimit = 1,
            InjectionFile = Server.WriteUsersCsv(int.Parse(extension, System.Globalization.CultureInfo.InvariantCulture)),
            GlobalTimeout = TimeSpan.FromSeconds(20),
        }))
        {
            var registered = await register.WaitForExitAsync(Wait);
            Assert.True(registered.Succeeded, registered.Describe());
        }
        var phone = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario(scenario)),
            LocalPort = port,
            CallLimit = calls,
            GlobalTimeout = TimeSpan.FromSeconds(120),
        });
        _peers.Add(phone);
        await phone.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        return phone;
    }

    /// <summary>A caller on the trunk dialling the service; it stays <paramref name="stay"/> after the server answers (queue + talk), then hangs up.</summary>
    public SippProcess Call(TimeSpan stay)
    {
        var caller = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario("acd_caller_uac.xml")),
            Target = Server.Udp.ToString(),
            Service = DialledDid,
            CallLimit = 1,
            ExtraArguments = ["-d", ((int)stay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)],
            GlobalTimeout = TimeSpan.FromSeconds(60),
            ReceiveTimeout = TimeSpan.FromSeconds(10),
        });
        _peers.Add(caller);
        return caller;
    }

    /// <summary>
    /// A caller on the trunk dialling the service with <paramref name="scenario"/> (a full path), which decides itself
    /// when the call ends; <paramref name="receiveTimeout"/> bounds its longest wait for a message.
    /// </summary>
    public SippProcess Call(string scenario, TimeSpan receiveTimeout)
    {
        var caller = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(scenario),
            Target = Server.Udp.ToString(),
            Service = DialledDid,
            CallLimit = 1,
            GlobalTimeout = receiveTimeout + TimeSpan.FromSeconds(30),
            ReceiveTimeout = receiveTimeout,
        });
        _peers.Add(caller);
        return caller;
    }

    /// <summary>Places a call and waits until the caller has hung up and the server confirmed the BYE.</summary>
    public async Task CallAndHangUpAsync(TimeSpan stay)
    {
        var result = await Call(stay).WaitForExitAsync(Wait + stay);
        Assert.True(result.Succeeded, result.Describe());
    }

    public async Task LoginAsync(string agentId)
    {
        var error = await Acd.RunAsync(e => e.Login(agentId).Error);
        Assert.Null(error);
    }

    public async Task RunAsync(Func<AcdEngine, AcdResult> command) => Check(await Acd.RunAsync(command));

    public Task<ServiceStatistics> ServiceStatisticsAsync(string serviceId) => Acd.RunAsync(e => e.GetServiceStatistics(serviceId)!);

    public Task<AgentStatistics> AgentStatisticsAsync(string agentId) => Acd.RunAsync(e => e.GetAgentStatistics(agentId)!);

    /// <summary>
    /// Once every call has ended, no media leg (RTP port) is left: offers that rang out, were declined, withdrawn or
    /// abandoned gave theirs back.
    /// </summary>
    public async Task AssertNoMediaLeftAsync()
    {
        var media = Server.Services.GetRequiredService<ContactCenter.Server.SipHosting.MediaEngineHost>().Engine;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (Server.Calls.ActiveCalls.Count > 0 || media.ActiveLegs > 0)
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"{Server.Calls.ActiveCalls.Count} calls and {media.ActiveLegs} media legs still open after every call ended");
            await Task.Delay(50);
        }
    }

    private static void Check(AcdResult result) => Assert.True(result.IsSuccess, result.Error?.ToString());

    private static string Scenario(string file) =>
        Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "ContactCenter.Server.Tests", "SipPeers", "Scenarios", file);

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers) await peer.DisposeAsync();
        await Events.DisposeAsync();
        await Server.DisposeAsync();
    }
}
