using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip.Tests.Usages;

/// <summary>The whole stack on a loopback UDP socket: transport → transactions → core → registrar.</summary>
public sealed class SipStackTests : IAsyncLifetime
{
    private readonly InMemorySipCredentialStore _credentials = new();
    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromSeconds(1));
    private SipStack _stack = null!;
    private Socket _client = null!;
    private IPEndPoint _server = null!;

    public Task InitializeAsync()
    {
        _credentials.Set("1001", "stack.test", "pw-1001");
        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Registrar = new RegistrarOptions { Realm = "stack.test" },
        }, _credentials, _location, NullSipLog.Instance, TimeProvider.System);
        _stack.Start();
        _server = _stack.LocalEndPoints[0].EndPoint;
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _stack.DisposeAsync();
        _location.Dispose();
    }

    private int ClientPort => ((IPEndPoint)_client.LocalEndPoint!).Port;

    private async Task<string> ExchangeRawAsync(string request)
    {
        await _client.SendToAsync(Encoding.UTF8.GetBytes(request), _server);
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, result.ReceivedBytes);
    }

    private async Task<SipMessage> ExchangeAsync(string request)
    {
        await _client.SendToAsync(Encoding.UTF8.GetBytes(request), _server);
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            Assert.True(SipMessageParser.TryParse(buffer.AsMemory(0, result.ReceivedBytes).ToArray(), out var response, out var error), error.ToString());
            if (response!.StatusCode != 100) return response;
        }
    }

    private string Request(string method, string uri = "sip:stack@127.0.0.1", string? extra = null, string body = "", string? cseqMethod = null) =>
        $"{method} {uri} SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{ClientPort};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=a1\r\nTo: <sip:1001@127.0.0.1>\r\n" +
        $"Call-ID: {Guid.NewGuid():N}@test\r\nCSeq: 1 {cseqMethod ?? method}\r\n" + (extra ?? "") +
        $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n" + body;

    [Fact]
    public async Task Options_is_answered_200_with_allow_accept_and_supported()
    {
        var response = await ExchangeAsync(Request("OPTIONS"));
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("REGISTER, OPTIONS, ACK, CANCEL", response.GetHeaderString(HeaderId.Allow));
        Assert.Equal("application/sdp", response.GetHeaderString(HeaderId.Accept));
        Assert.NotNull(response.GetHeaderString(HeaderId.Supported));
        Assert.True(response.HasToTag);
    }

    [Fact]
    public async Task Unknown_method_is_501_with_allow()
    {
        var response = await ExchangeAsync(Request("FOOBAR"));
        Assert.Equal(501, response.StatusCode);
        Assert.Contains("REGISTER", response.GetHeaderString(HeaderId.Allow));
    }

    [Fact]
    public async Task Unsupported_require_is_420_listing_the_unsupported_tags()
    {
        var response = await ExchangeAsync(Request("OPTIONS", extra: "Require: nothingiknow, path\r\nProxy-Require: foo\r\n"));
        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingiknow", response.GetHeaderString(HeaderId.Unsupported));
    }

    [Fact]
    public async Task Unknown_body_type_is_415_with_accept()
    {
        var response = await ExchangeAsync(Request("OPTIONS", extra: "Content-Type: application/unknownstuff\r\n", body: "xyz"));
        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/sdp", response.GetHeaderString(HeaderId.Accept));
    }

    [Fact]
    public async Task Unknown_uri_scheme_is_416()
    {
        var response = await ExchangeAsync(Request("OPTIONS", uri: "nobodyknowsthisscheme:totallyopaquecontent"));
        Assert.Equal(416, response.StatusCode);
    }

    [Fact]
    public async Task Missing_header_is_400_naming_it()
    {
        var request = Request("OPTIONS").Replace("Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=a1\r\n", "Max-Forwards: 70\r\n");
        // The answer cannot echo a From it never got, so it is read as text rather than parsed.
        var response = await ExchangeRawAsync(request);
        Assert.StartsWith("SIP/2.0 400 Missing From Header\r\n", response);
        Assert.Contains("Call-ID: ", response);
    }

    [Fact]
    public async Task Unknown_sip_version_is_answered_505()
    {
        var request = Request("OPTIONS").Replace("OPTIONS sip:stack@127.0.0.1 SIP/2.0", "OPTIONS sip:stack@127.0.0.1 SIP/3.0");
        var response = await ExchangeRawAsync(request);
        Assert.StartsWith("SIP/2.0 505 Version Not Supported\r\n", response);
    }

    [Fact]
    public async Task Cancel_without_a_pending_invite_is_481()
    {
        var response = await ExchangeAsync(Request("CANCEL"));
        Assert.Equal(481, response.StatusCode);
    }

    [Fact]
    public async Task Register_with_digest_binds_and_retransmission_gets_the_same_answer()
    {
        string callId = Guid.NewGuid().ToString("N");
        string Register(int cseq, string? auth) =>
            "REGISTER sip:127.0.0.1 SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP 127.0.0.1:{ClientPort};rport;branch=z9hG4bK-reg{cseq}\r\n" +
            $"Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag=r1\r\nTo: <sip:1001@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: {cseq} REGISTER\r\n" +
            $"Contact: <sip:1001@127.0.0.1:{ClientPort}>\r\nExpires: 120\r\n" + (auth != null ? $"Authorization: {auth}\r\n" : "") +
            "Content-Length: 0\r\n\r\n";
        var challenge = await ExchangeAsync(Register(1, null));
        Assert.Equal(401, challenge.StatusCode);
        var auth = RegistrarHarness.Authorize(challenge, "1001", "pw-1001");
        var ok = await ExchangeAsync(Register(2, auth));
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal($"<sip:1001@127.0.0.1:{ClientPort}>;expires=120", ok.GetHeaderString(HeaderId.Contact));
        Assert.Single(_location.Lookup("1001"));

        // The same request again (a UDP retransmission) is absorbed by its transaction: same response, same tag.
        var again = await ExchangeAsync(Register(2, auth));
        Assert.Equal(200, again.StatusCode);
        Assert.Equal(Encoding.ASCII.GetString(ok.ToTag.Span), Encoding.ASCII.GetString(again.ToTag.Span));
    }
}
