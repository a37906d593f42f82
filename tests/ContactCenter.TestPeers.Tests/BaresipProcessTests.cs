namespace ContactCenter.TestPeers.Tests;

public class BaresipProcessTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Signalling = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Baresip_answers_on_ctrl_tcp_dials_a_sipp_uas_and_reports_established_then_closed()
    {
        var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas });
        BaresipProcess? phone = null;
        try
        {
            await uas.WaitUntilListeningAsync(Ready);
            phone = await BaresipProcess.StartAsync(new BaresipOptions { User = "alice", Registrar = uas.Endpoint });

            var accounts = await phone.Control.RegistrationInfoAsync();
            Assert.Contains(phone.Aor, accounts);

            var beforeDial = phone.Control.LastEventSequence;
            await phone.Control.DialAsync($"sip:service@{uas.Endpoint}");
            var established = await phone.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Signalling, beforeDial);
            Assert.Equal("outgoing", established.Direction);
            Assert.Contains("Active calls (1)", await phone.Control.ListCallsAsync());

            await phone.Control.HangupAsync();
            var closed = await phone.Control.WaitForEventAsync(
                e => e.Type == BaresipEventTypes.CallClosed && e.CallId == established.CallId, Signalling, established.Sequence);
            Assert.NotNull(closed.Parameter);

            var server = await uas.StopAsync();
            Assert.True(server.Succeeded, server.Describe());
            Assert.Equal(1, server.Statistics!.SuccessfulCalls);
        }
        finally
        {
            if (phone is not null)
            {
                await phone.DisposeAsync();
            }
            await uas.DisposeAsync();
        }
        ProcessState.AssertGone(uas.ProcessId, "sipp uas");
        ProcessState.AssertGone(phone.ProcessId, "baresip");
        Assert.False(Directory.Exists(phone.ConfigDirectory));
    }

    [Fact]
    public async Task Baresip_rings_on_an_incoming_sipp_call_and_accepts_it_when_told()
    {
        await using var phone = await BaresipProcess.StartAsync(new BaresipOptions
        {
            User = "bob",
            Registrar = "127.0.0.1",
            AnswerMode = BaresipAnswerMode.Manual,
        });
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uac,
            Target = $"127.0.0.1:{phone.SipPort}",
            Service = "bob",
            CallLimit = 1,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });

        var incoming = await phone.Control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Signalling);
        Assert.Equal("incoming", incoming.Direction);
        await phone.Control.AcceptAsync();
        await phone.Control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Signalling, incoming.Sequence);
        // The sipp uac hangs up by itself after answer.
        await phone.Control.WaitForEventAsync(BaresipEventTypes.CallClosed, Signalling, incoming.Sequence);

        var caller = await uac.WaitForExitAsync(Signalling);
        Assert.True(caller.Succeeded, caller.Describe());
    }

    [Fact]
    public async Task Baresip_registers_with_digest_and_a_wrong_password_fails()
    {
        using var directory = new TempDirectory();
        UsersCsv.Write(directory.File("users.csv"), [("alice", "right-pass")]);
        await using var registrar = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.FromFile(RepositoryPaths.LoadFile("register_uas_digest.xml")),
            WorkingDirectory = directory.Path,
            InjectionFile = "users.csv",
            InjectionIndexField = 0,
            StopGracePeriod = TimeSpan.FromSeconds(1),
        });
        await registrar.WaitUntilListeningAsync(Ready);
        var account = new BaresipOptions
        {
            User = "alice",
            Password = "right-pass",
            Registrar = registrar.Endpoint,
            RegistrationInterval = 600,
            StopGracePeriod = TimeSpan.FromMilliseconds(500),
        };

        await using (var good = await BaresipProcess.StartAsync(account))
        {
            var registered = await good.Control.WaitForEventAsync(
                e => e.Type is BaresipEventTypes.RegisterOk or BaresipEventTypes.RegisterFail, Signalling);
            Assert.True(registered.Type == BaresipEventTypes.RegisterOk, $"{registered}\n{good.Output}");
            Assert.Contains("OK", await good.Control.RegistrationInfoAsync());
        }
        await using (var bad = await BaresipProcess.StartAsync(account with { Password = "wrong-pass" }))
        {
            var refused = await bad.Control.WaitForEventAsync(
                e => e.Type is BaresipEventTypes.RegisterOk or BaresipEventTypes.RegisterFail, Signalling);
            Assert.True(refused.Type == BaresipEventTypes.RegisterFail, $"{refused}\n{bad.Output}");
            Assert.Contains("403", refused.Parameter);
        }
    }

    [Fact]
    public async Task Baresip_that_cannot_start_is_reported_with_its_output_and_leaves_nothing_running()
    {
        // Another process holds the control port: baresip cannot open ctrl_tcp there.
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BaresipProcess.StartAsync(new BaresipOptions
        {
            User = "carol",
            Registrar = "127.0.0.1",
            ControlPort = port,
            StartTimeout = TimeSpan.FromSeconds(3),
        }));

        Assert.Contains("baresip", failure.Message);
        Assert.Contains("ctrl_tcp", failure.Message);
    }
}
