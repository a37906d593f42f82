using ContactCenter.Events;
using ContactCenter.Server.Tests.Support;
using ContactCenter.TestPeers;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Trunk calls through the running server with sipp on both sides: a provider delivering a call to a DID that rings an
/// extension registered by a sipp UAS, and an extension dialling out through a trunk whose provider (sipp) challenges the
/// INVITE with Digest and verifies the answer. The CDR rows must say what happened.
/// </summary>
public sealed class SippTrunkCallTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static string Scenario(string file) =>
        Path.Combine(ProfileFiles.RepositoryRoot(), "tests", "ContactCenter.Server.Tests", "SipPeers", "Scenarios", file);

    [Fact]
    public async Task A_sipp_trunk_calling_a_did_reaches_the_extension_registered_by_a_sipp_uas_and_the_cdr_says_inbound()
    {
        PeerAvailability.RequireSipp();
        // The provider's network is loopback itself; only INVITEs are told apart by source, and the extension sends none.
        await using var server = new RunningSipServer(routing: """
            "Trunks": [ { "Name": "carrier", "DefaultCountry": "US", "Inbound": { "Sources": [ "127.0.0.1/32" ] } } ],
            "Dids": { "+1 212 555 0123": { "Extension": "3002" } }
            """);
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = ["call.ended"] });

        // The phone registers from the port its UAS will then listen on, as a phone keeps its own.
        int phonePort = FreePort.Udp();
        await using (var register = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RunningSipServer.LoadScenario("register_digest_uac.xml")),
            Target = server.Udp.ToString(),
            LocalPort = phonePort,
            CallLimit = 1,
            InjectionFile = server.WriteUsersCsv(3002),
            GlobalTimeout = TimeSpan.FromSeconds(20),
        }))
        {
            var registered = await register.WaitForExitAsync(Wait);
            Assert.True(registered.Succeeded, registered.Describe());
        }
        Assert.Equal(phonePort, Assert.Single(server.Location.Lookup("3002")).Source.RemoteEndPoint.Port);

        await using var phone = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uas,
            LocalPort = phonePort,
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(40),
        });
        await phone.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        await using var trunk = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario("trunk_did_uac.xml")),
            Target = server.Udp.ToString(),
            Service = "2125550123", // national format, as many providers send it
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(30),
            ReceiveTimeout = TimeSpan.FromSeconds(10),
        });
        var call = await trunk.WaitForExitAsync(Wait);
        Assert.True(call.Succeeded, call.Describe());
        var answered = await phone.WaitForExitAsync(Wait);
        Assert.True(answered.Succeeded, answered.Describe());

        var record = await EndedRecordAsync(server, ended);
        Assert.Equal(CallDirection.Inbound, record.Direction);
        Assert.Equal("carrier", record.Trunk);
        Assert.Equal("+12125550123", record.Did);
        Assert.Equal("+12125551234", record.Caller);
        Assert.Equal("3002", record.AnsweredBy);
        Assert.Equal(HangupSide.Caller, record.HangupSide);
        Assert.NotNull(record.AnsweredAt);
    }

    [Fact]
    public async Task An_extension_dialling_out_through_a_trunk_answers_the_providers_digest_challenge_and_the_cdr_says_outbound()
    {
        PeerAvailability.RequireSipp();
        int providerPort = FreePort.Udp();
        await using var server = new RunningSipServer(routing: $$"""
            "Trunks": [ { "Name": "carrier", "DefaultCountry": "US",
                          "Outbound": { "Host": "127.0.0.1", "Port": {{providerPort}}, "Username": "acct-42", "Password": "trunk-secret",
                                        "FromDomain": "office.example", "CallerIdHeader": "pai", "CallerIdNumber": "+1 212 555 0100" } } ],
            "DialPlan": [ { "Match": "9[2-9][0-9]{9}", "Strip": 1, "Prepend": "+1", "Trunk": "carrier" } ]
            """);
        await using var ended = server.Bus.Subscribe(new EventFilter { Types = ["call.ended"] });

        await using var provider = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario("trunk_provider_digest_uas.xml")),
            LocalPort = providerPort,
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(40),
        });
        await provider.WaitUntilListeningAsync(TimeSpan.FromSeconds(10));
        await using var extension = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(Scenario("extension_dial_out_uac.xml")),
            Target = server.Udp.ToString(),
            Service = "92125559876",
            AuthUser = "3001",
            AuthPassword = "pw-3001",
            // sipp digests "sip:remote_ip:remote_port" unless told; the server (rightly) wants the Request-URI.
            ExtraArguments = ["-auth_uri", $"92125559876@{server.Udp}"],
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(30),
            ReceiveTimeout = TimeSpan.FromSeconds(10),
        });
        var call = await extension.WaitForExitAsync(Wait);
        Assert.True(call.Succeeded, call.Describe());
        // The provider verified the digest, the Request-URI and P-Asserted-Identity (its scenario fails the call otherwise).
        var answered = await provider.WaitForExitAsync(Wait);
        Assert.True(answered.Succeeded, answered.Describe());

        var record = await EndedRecordAsync(server, ended);
        Assert.Equal(CallDirection.Outbound, record.Direction);
        Assert.Equal("carrier", record.Trunk);
        Assert.Equal("3001", record.Caller);
        Assert.Equal("+12125559876", record.Callee);
        Assert.Equal("+12125559876", record.AnsweredBy);
        Assert.Null(record.Did);
        Assert.NotNull(record.AnsweredAt);
    }

    /// <summary>The CDR row of the one call that ended, read back from the store once call.ended was published.</summary>
    private static async Task<CallDetailRecord> EndedRecordAsync(RunningSipServer server, IEventSubscription ended)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var _ in ended.ReadAllAsync(cts.Token)) break;
        var rows = server.Cdr.List(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        return Assert.Single(rows);
    }
}
