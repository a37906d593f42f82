using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Events;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>A binding that is not refreshed disappears on time and the bus says so.</summary>
public sealed partial class RegistrationExpiryTests
{
    [Fact]
    public async Task Unrefreshed_binding_expires_and_an_expired_event_is_published()
    {
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = [EventTypes.RegistrationExpired] });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)client.LocalEndPoint!).Port;
        string callId = Guid.NewGuid().ToString("N");

        string Register(int cseq, string? authorization) =>
            "REGISTER sip:127.0.0.1 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{port};rport;branch=z9hG4bK-exp{cseq}\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:3005@127.0.0.1>;tag=e1\r\nTo: <sip:3005@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: {cseq} REGISTER\r\n" +
            $"Contact: <sip:3005@127.0.0.1:{port}>\r\nExpires: 1\r\n" +
            (authorization != null ? $"Authorization: {authorization}\r\n" : "") + "Content-Length: 0\r\n\r\n";

        var challenge = await ExchangeAsync(client, server.Udp, Register(1, null));
        Assert.StartsWith("SIP/2.0 401 ", challenge);
        string nonce = Nonce().Match(challenge).Groups[1].Value;
        string ha1 = DigestHash.ComputeHa1(DigestAlgorithm.Md5, "3005", RunningSipServer.Realm, "pw-3005");
        string response = DigestHash.ComputeResponse(DigestAlgorithm.Md5, ha1, nonce, "REGISTER", "sip:127.0.0.1", "auth", "00000001", "c0ffee");
        var ok = await ExchangeAsync(client, server.Udp, Register(2, $"Digest username=\"3005\", realm=\"{RunningSipServer.Realm}\", " +
            $"nonce=\"{nonce}\", uri=\"sip:127.0.0.1\", response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\""));
        Assert.StartsWith("SIP/2.0 200 ", ok);
        Assert.Contains(";expires=1", ok);

        // The sweep runs on the real clock here (the whole host is running): wait for the event with a bound.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await events.WaitToReadAsync(cts.Token));
        Assert.True(events.TryRead(out var expired));
        Assert.Equal("3005", ((ContactCenter.Events.Contracts.RegistrationChanged)expired!.Payload!).Extension);
        Assert.Empty(server.Location.Lookup("3005"));
    }

    private static async Task<string> ExchangeAsync(Socket client, IPEndPoint server, string request)
    {
        await client.SendToAsync(Encoding.ASCII.GetBytes(request), server);
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var result = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            var text = Encoding.UTF8.GetString(buffer, 0, result.ReceivedBytes);
            if (!text.StartsWith("SIP/2.0 100 ", StringComparison.Ordinal)) return text;
        }
    }

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex Nonce();
}
