using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using ContactCenter.Server.SipHosting;
using ContactCenter.Server.Tests.Support;
using ContactCenter.Sip.Usages.Client;
using ContactCenter.TestPeers;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// The running server registering a trunk to sipp playing the provider's registrar (tests/load/register_uas_digest.xml:
/// 401 with an MD5 challenge, then 200 when sipp's own verifyauth accepts our digest, else 403): a peer nobody here
/// wrote, reached through the profile's SIP stack like a real provider.
/// </summary>
public sealed class TrunkRegistrationAgainstSippTests : IAsyncLifetime
{
    private const string Account = "acct-77";
    private const string ProviderPassword = "provider-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TemporaryDirectory _root = new();
    private SippProcess _provider = null!;

    public async Task InitializeAsync()
    {
        PeerAvailability.RequireSipp();
        var directory = _root.Combine("provider");
        Directory.CreateDirectory(directory);
        // The stand-in looks the user up by field 0 and checks the digest against field 1 (tests/load/README.md).
        File.WriteAllLines(Path.Combine(directory, "users.csv"),
            ["SEQUENTIAL", $"{Account};{ProviderPassword};[authentication username={Account} password={ProviderPassword}];-"]);
        _provider = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RunningSipServer.LoadScenario("register_uas_digest.xml")),
            WorkingDirectory = directory,
            InjectionFile = "users.csv",
            InjectionIndexField = 0,
            GlobalTimeout = TimeSpan.FromSeconds(90),
            StopGracePeriod = TimeSpan.FromSeconds(1),
            TraceMessages = true,
            // Our registration keeps one Call-ID for life (RFC 3261 §10.2.4): sipp must not keep the finished
            // REGISTER exchange around as a dead call, or it drops the unregistration as a stray.
            ExtraArguments = ["-deadcall_wait", "0"],
        });
        await _provider.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        _root.Dispose();
    }

    [Fact]
    public async Task The_trunk_answers_the_providers_digest_challenge_is_up_and_unregisters_on_stop()
    {
        await using var server = StartServer(ProviderPassword);
        var service = server.Services.GetRequiredService<TrunkRegistrationService>();
        var bus = server.Services.GetRequiredService<IEventBus>();
        // From the first event: the registration may be up before the test subscribes.
        await using var events = bus.Subscribe(new EventFilter { Types = ["trunk.*"] }, fromSeq: 1);

        var up = await NextAsync(events, EventTypes.TrunkRegistered);
        Assert.Equal(("provider-1", "peers", true, 200), (up.Trunk, up.Profile, up.Up, up.StatusCode));
        Assert.Equal($"udp:127.0.0.1:{_provider.LocalPort}", up.Registrar);
        Assert.True(server.Services.GetRequiredService<TrunkStatusRegistry>().TryGet("provider-1", out var status));
        Assert.True(status.Up);
        Assert.Equal(60, status.GrantedExpires); // sipp echoes the Contact bare: what was asked
        Assert.NotNull(status.ExpiresAt);

        using var client = server.CreateClient();
        var health = await client.GetStringAsync("/healthz");
        Assert.Contains("1 of 1 trunk(s) registered", health);

        // Stopping unregisters: Expires 0, challenged again and answered, 200.
        await service.StopAsync(CancellationToken.None);
        var gone = await NextAsync(events, EventTypes.TrunkUnregistered);
        Assert.True(gone.StatusCode == 200, $"{gone}\n{ProviderLog()}");
        Assert.Equal((false, true), (gone.Up, gone.WasUp));
        Assert.Equal(RegistrationState.Unregistered, service.Registrations.Single().Status.State);
    }

    [Fact]
    public async Task A_wrong_provider_password_is_refused_403_and_the_trunk_is_down()
    {
        await using var server = StartServer("not-the-provider-password");
        var bus = server.Services.GetRequiredService<IEventBus>();
        await using var events = bus.Subscribe(new EventFilter { Types = ["trunk.*"] }, fromSeq: 1);

        var down = await NextAsync(events, EventTypes.TrunkRegistrationFailed);
        Assert.Equal((false, false, 403, "Forbidden"), (down.Up, down.WasUp, down.StatusCode, down.Reason));
        Assert.True(server.Services.GetRequiredService<TrunkStatusRegistry>().TryGet("provider-1", out var status));
        Assert.Equal(RegistrationState.Failed, status.State);
        Assert.Equal("403 Forbidden", status.LastError);

        using var client = server.CreateClient();
        var health = await client.GetStringAsync("/healthz");
        Assert.Contains("\"status\":\"Degraded\"", health);
        Assert.Contains("provider-1 failed (403 Forbidden)", health);
    }

    private ServerFactory StartServer(string password)
    {
        var factory = new ServerFactory(_root);
        ProfileFiles.Write(factory.ProfilesDirectory, "peers.json", $$"""
            {
              "Name": "peers",
              {{ProfileFiles.LoopbackUdpAndTcp}},
              "Extensions": [ { "Number": "3001", "Password": "pw-3001" } ],
              "Trunks": [
                {
                  "Name": "provider-1",
                  "DefaultCountry": "BR",
                  "Outbound": {
                    "Host": "127.0.0.1", "Port": {{_provider.LocalPort}}, "Transport": "udp",
                    "Username": "{{Account}}", "Password": "{{password}}",
                    "Register": true, "RegisterExpires": 60
                  }
                }
              ]
            }
            """);
        _ = factory.Services; // starts the host, so the trunk registers
        return factory;
    }

    private async Task<TrunkRegistrationChanged> NextAsync(IEventSubscription events, string type)
    {
        using var cts = new CancellationTokenSource(Wait);
        try
        {
            Assert.True(await events.WaitToReadAsync(cts.Token));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {type} within {Wait.TotalSeconds} s; sipp said:\n{ProviderLog()}");
        }
        Assert.True(events.TryRead(out var envelope));
        Assert.True(envelope!.Type == type, $"Expected {type}, got {envelope.Type}: {envelope.Payload}\n{ProviderLog()}");
        return Assert.IsType<TrunkRegistrationChanged>(envelope.Payload);
    }

    private string ProviderLog()
    {
        var messages = Directory.GetFiles(_provider.WorkingDirectory, "*messages.log").FirstOrDefault();
        return messages is null ? "(no sipp message log)" : File.ReadAllText(messages);
    }
}
