using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ContactCenter.TestPeers.Tests;

public class SippProcessTests
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Uac_to_uas_fifty_calls_all_succeed_and_statistics_are_parsed()
    {
        await using var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas });
        await uas.WaitUntilListeningAsync(Ready);
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uac,
            Target = uas.Endpoint,
            Rate = 100,
            CallLimit = 50,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });

        var client = await uac.WaitForExitAsync(TimeSpan.FromSeconds(45));
        var server = await uas.StopAsync();

        Assert.True(client.Succeeded, client.Describe());
        Assert.Equal(0, client.ExitCode);
        Assert.Equal(50, client.Statistics!.OutgoingCalls);
        Assert.Equal(50, client.Statistics.SuccessfulCalls);
        Assert.Equal(0, client.Statistics.FailedCalls);
        Assert.InRange(client.Statistics.Retransmissions, 0, 5);
        Assert.True(server.Succeeded, server.Describe());
        Assert.Equal(50, server.Statistics!.IncomingCalls);
        Assert.Equal(50, server.Statistics.SuccessfulCalls);
    }

    [Fact]
    public async Task Uac_to_uas_over_tcp_succeeds()
    {
        await using var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas, Transport = PeerTransport.Tcp });
        await uas.WaitUntilListeningAsync(Ready);
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uac,
            Target = uas.Endpoint,
            Transport = PeerTransport.Tcp,
            Rate = 50,
            CallLimit = 10,
            GlobalTimeout = TimeSpan.FromSeconds(30),
        });

        var client = await uac.WaitForExitAsync(TimeSpan.FromSeconds(45));

        Assert.True(client.Succeeded, client.Describe());
        Assert.Equal(10, client.Statistics!.SuccessfulCalls);
        Assert.Contains("-t t1", client.CommandLine);
    }

    [Fact]
    public async Task Uac_to_a_port_where_nothing_listens_is_reported_failed_without_hanging()
    {
        var silentPort = FreePort.Udp();
        var clock = Stopwatch.StartNew();
        await using var uac = SippProcess.Start(new SippOptions
        {
            Scenario = SippScenario.Uac,
            Target = $"127.0.0.1:{silentPort}",
            Rate = 10,
            CallLimit = 3,
            ReceiveTimeout = TimeSpan.FromMilliseconds(500),
            GlobalTimeout = TimeSpan.FromSeconds(5),
        });

        var result = await uac.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.False(result.Succeeded, result.Describe());
        Assert.NotEqual(0, result.ExitCode);
        Assert.False(result.TimedOutWaiting);
        Assert.NotNull(result.Statistics);
        Assert.Equal(0, result.Statistics.SuccessfulCalls);
        Assert.True(result.Statistics.FailedCalls + result.Statistics.IncompleteCalls > 0, result.Describe());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_wait_that_times_out_stops_sipp_and_says_so()
    {
        await using var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas, StopGracePeriod = TimeSpan.FromSeconds(1) });
        await uas.WaitUntilListeningAsync(Ready);

        // A UAS never ends by itself: the wait must give up, stop it and report.
        var result = await uas.WaitForExitAsync(TimeSpan.FromMilliseconds(300));

        Assert.True(result.TimedOutWaiting);
        Assert.False(result.Succeeded);
        Assert.True(uas.HasExited);
        ProcessState.AssertGone(uas.ProcessId, "sipp uas");
    }

    [Fact]
    public async Task Dispose_stops_a_running_uas_by_pid_and_removes_its_directory()
    {
        var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas });
        await uas.WaitUntilListeningAsync(Ready);
        var pid = uas.ProcessId;
        var directory = uas.WorkingDirectory;
        Assert.False(ProcessState.IsGone(pid));

        await uas.DisposeAsync();

        ProcessState.AssertGone(pid, "sipp uas");
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task Dispose_escalates_when_a_uas_with_an_open_call_ignores_sigusr1()
    {
        var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas, StopGracePeriod = TimeSpan.FromSeconds(1) });
        await uas.WaitUntilListeningAsync(Ready);
        // An INVITE that is never ACKed leaves the call open: SIGUSR1 alone would wait for it.
        await SendInviteAsync(uas.LocalPort);
        var clock = Stopwatch.StartNew();

        await uas.DisposeAsync();

        ProcessState.AssertGone(uas.ProcessId, "sipp uas");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Uas_that_cannot_bind_is_reported_with_its_output()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;
        await using var uas = SippProcess.Start(new SippOptions { Scenario = SippScenario.Uas, LocalPort = port });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => uas.WaitUntilListeningAsync(Ready));

        Assert.Contains("exited before listening", failure.Message);
        Assert.Contains($"-p {port}", failure.Message);
    }

    [Fact]
    public void Missing_scenario_file_is_refused_before_starting()
    {
        Assert.Throws<FileNotFoundException>(() => SippScenario.FromFile("/nonexistent/scenario.xml"));
    }

    private static async Task SendInviteAsync(int port)
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)client.Client.LocalEndPoint!;
        var invite =
            $"INVITE sip:service@127.0.0.1:{port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{local.Port};branch=z9hG4bK-open-call\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <sip:test@127.0.0.1:{local.Port}>;tag=open\r\n" +
            $"To: <sip:service@127.0.0.1:{port}>\r\n" +
            $"Call-ID: open-call-{Guid.NewGuid():N}@127.0.0.1\r\n" +
            "CSeq: 1 INVITE\r\n" +
            $"Contact: <sip:test@127.0.0.1:{local.Port}>\r\n" +
            "Content-Length: 0\r\n\r\n";
        await client.SendAsync(Encoding.ASCII.GetBytes(invite), new IPEndPoint(IPAddress.Loopback, port));
        // sipp answers 180 then 200; once a response is back the call is open on its side.
        var response = await client.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.StartsWith("SIP/2.0 ", Encoding.ASCII.GetString(response.Buffer));
    }
}
