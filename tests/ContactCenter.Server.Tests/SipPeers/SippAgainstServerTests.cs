using ContactCenter.Events;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>sipp, a SIP tester nobody here wrote, driving the running server over real loopback sockets.</summary>
public sealed class SippAgainstServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static async Task<SippResult> RunAsync(RunningSipServer server, string scenario, int calls, string? users = null,
        PeerTransport transport = PeerTransport.Udp, double rate = 10, int? localPort = null)
    {
        PeerAvailability.RequireSipp();
        await using var sipp = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RunningSipServer.LoadScenario(scenario)),
            Target = (transport == PeerTransport.Tcp ? server.Tcp : server.Udp).ToString(),
            Transport = transport,
            LocalPort = localPort,
            CallLimit = calls,
            Rate = rate,
            InjectionFile = users,
            GlobalTimeout = TimeSpan.FromSeconds(45),
            ReceiveTimeout = TimeSpan.FromSeconds(10),
            ExtraArguments = ["-nd"],
        });
        return await sipp.WaitForExitAsync(Wait);
    }

    [Fact]
    public async Task Options_pings_are_answered_200()
    {
        await using var server = new RunningSipServer();
        var result = await RunAsync(server, "options_uac.xml", calls: 20, rate: 50);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(20, result.Statistics!.SuccessfulCalls);
    }

    [Fact]
    public async Task Register_with_the_right_password_binds_every_extension_and_publishes_events()
    {
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = ["registration.*"] });
        var result = await RunAsync(server, "register_digest_uac.xml", calls: 3, server.WriteUsersCsv(3001, 3002, 3003));
        Assert.True(result.Succeeded, result.Describe());
        foreach (var n in new[] { "3001", "3002", "3003" })
        {
            var binding = Assert.Single(server.Location.Lookup(n));
            Assert.Equal("sipp-contactcenter-load", binding.UserAgent);
        }
        var added = await ReadAsync(events, 3);
        Assert.All(added, e => Assert.Equal(EventTypes.RegistrationAdded, e.Type));
    }

    [Fact]
    public async Task Register_over_tcp_binds_with_the_connection_as_source()
    {
        await using var server = new RunningSipServer();
        var result = await RunAsync(server, "register_digest_uac.xml", calls: 1, server.WriteUsersCsv(3004), PeerTransport.Tcp);
        Assert.True(result.Succeeded, result.Describe());
        var binding = Assert.Single(server.Location.Lookup("3004"));
        Assert.Equal(ContactCenter.Sip.Messages.SipTransportKind.Tcp, binding.Source.Transport);
        Assert.NotEqual(0, binding.Source.ConnectionId);
    }

    [Fact]
    public async Task Re_register_refreshes_and_unregister_removes_the_binding()
    {
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = ["registration.*"] });
        var users = server.WriteUsersCsv(3001);
        int port = FreePort.Udp(); // the same contact each time, as a phone keeps its own
        Assert.True((await RunAsync(server, "register_digest_uac.xml", 1, users, localPort: port)).Succeeded);
        Assert.True((await RunAsync(server, "register_digest_uac.xml", 1, users, localPort: port)).Succeeded);
        Assert.Single(server.Location.Lookup("3001"));
        var result = await RunAsync(server, "unregister_digest_uac.xml", 1, users, localPort: port);
        Assert.True(result.Succeeded, result.Describe());
        Assert.Empty(server.Location.Lookup("3001"));
        var seen = await ReadAsync(events, 3);
        Assert.Equal([EventTypes.RegistrationAdded, EventTypes.RegistrationRefreshed, EventTypes.RegistrationRemoved], seen.Select(e => e.Type));
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_then_the_source_is_blocked_even_for_the_right_one()
    {
        await using var server = new RunningSipServer();
        var users = server.WriteUsersCsv(3001, 3002, 3003);
        var wrong = await RunAsync(server, "register_bad_password_uac.xml", calls: 3, users);
        Assert.True(wrong.Succeeded, wrong.Describe()); // every call saw its credentials refused
        Assert.Empty(server.Location.Lookup("3001"));

        var right = await RunAsync(server, "register_digest_uac.xml", calls: 1, server.WriteUsersCsv(3004));
        Assert.False(right.Succeeded, "a blocked source must not register: " + right.Describe());
        Assert.Empty(server.Location.Lookup("3004"));
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains("blocking", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<EventEnvelope>> ReadAsync(IEventSubscription subscription, int count)
    {
        var list = new List<EventEnvelope>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var e in subscription.ReadAllAsync(cts.Token))
        {
            list.Add(e);
            if (list.Count == count) break;
        }
        return list;
    }
}
