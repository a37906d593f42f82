using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using ContactCenter.Server.Health;
using ContactCenter.Server.Tests.SipPeers;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Server.Tests.Health;

/// <summary>The built-in system alarms are fed by the server itself (ACD-10), not only by tests calling the engine.</summary>
public sealed partial class SystemHealthAlarmTests
{
    [Fact]
    public async Task A_burst_of_failed_registrations_is_measured_and_raises_the_registration_failures_alarm()
    {
        await using var server = new RunningSipServer(new Dictionary<string, string?>
        {
            ["ContactCenter:Sip:Registrar:AuthFailureLimit"] = "100", // count them all, do not block the source
        });
        var reporter = server.Services.GetRequiredService<SystemHealthReporter>();
        var acd = server.Services.GetRequiredService<AcdRuntime>();
        var quiet = await reporter.ReportAsync();
        Assert.Equal(0, quiet[AlarmMetrics.RegistrationFailuresPerMinute]);
        Assert.Equal(0, quiet[AlarmMetrics.TrunksDown]);
        Assert.InRange(quiet[AlarmMetrics.RecordingsDiskFreePercent], 0.1, 100);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)client.LocalEndPoint!).Port;
        for (var attempt = 1; attempt <= 21; attempt++)
        {
            var challenge = await ExchangeAsync(client, server.Udp, Register(port, attempt * 2, null));
            var nonce = Nonce().Match(challenge).Groups[1].Value;
            var refused = await ExchangeAsync(client, server.Udp, Register(port, (attempt * 2) + 1,
                $"Digest username=\"3001\", realm=\"{RunningSipServer.Realm}\", nonce=\"{nonce}\", uri=\"sip:127.0.0.1\", " +
                "response=\"00000000000000000000000000000000\", algorithm=MD5"));
            Assert.Matches("^SIP/2.0 (401|403) ", refused);
        }

        var burst = await reporter.ReportAsync();
        Assert.Equal(21, burst[AlarmMetrics.RegistrationFailuresPerMinute]);

        // The ACD evaluates its rules on its own tick: the demo's registration-failures rule (≥ 20/min) raises.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await acd.RunAsync(e => e.ActiveAlarms.Values.Any(a => a.RuleId == "registration-failures")))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static string Register(int port, int cseq, string? authorization) =>
        "REGISTER sip:127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{port};rport;branch=z9hG4bK-health{cseq}\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:3001@127.0.0.1>;tag=h1\r\nTo: <sip:3001@127.0.0.1>\r\nCall-ID: health-{port}\r\nCSeq: {cseq} REGISTER\r\n" +
        $"Contact: <sip:3001@127.0.0.1:{port}>\r\nExpires: 60\r\n" +
        (authorization != null ? $"Authorization: {authorization}\r\n" : "") + "Content-Length: 0\r\n\r\n";

    private static async Task<string> ExchangeAsync(Socket client, IPEndPoint server, string request)
    {
        await client.SendToAsync(Encoding.ASCII.GetBytes(request), server);
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var received = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, received.ReceivedBytes);
    }

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex Nonce();
}
