using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip.Tests.Usages;

/// <summary>
/// The session usage hook of the UAS core on a real loopback stack: INVITE is 501 without a usage, and with one the
/// usage gets INVITE/BYE, the CANCEL of its pending INVITE (after the core's 200), stray ACKs; its methods join Allow.
/// </summary>
public sealed class SipStackSessionUsageTests : IAsyncLifetime
{
    private readonly LocationService _location = new(TimeProvider.System, TimeSpan.FromSeconds(1));
    private readonly RecordingSessionUsage _usage = new();
    private SipStack _stack = null!;
    private Socket _client = null!;
    private IPEndPoint _server = null!;

    public Task InitializeAsync()
    {
        _stack = new SipStack(new SipStackOptions
        {
            Transport = new SipTransportOptions { Listen = [new SipListenEndpoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 0))] },
            Registrar = new RegistrarOptions { Realm = "stack.test" },
        }, new InMemorySipCredentialStore(), _location, NullSipLog.Instance, TimeProvider.System);
        _server = null!;
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    private void Start(bool withUsage)
    {
        if (withUsage) _stack.Core.AttachSessions(_usage);
        _stack.Start();
        _server = _stack.LocalEndPoints[0].EndPoint;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _stack.DisposeAsync();
        _location.Dispose();
    }

    private int ClientPort => ((IPEndPoint)_client.LocalEndPoint!).Port;

    private async Task SendAsync(string request) => await _client.SendToAsync(Encoding.UTF8.GetBytes(request), _server);

    private async Task<SipMessage> ReceiveFinalAsync()
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var result = await _client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            Assert.True(SipMessageParser.TryParse(buffer.AsMemory(0, result.ReceivedBytes).ToArray(), out var message, out var error), error.ToString());
            if (message!.StatusCode != 100) return message;
        }
    }

    private string Request(string method, string callId, string branch, string? toTag = null, string? cseqMethod = null) =>
        $"{method} sip:2002@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:{ClientPort};rport;branch={branch}\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:2001@127.0.0.1>;tag=a1\r\n" +
        $"To: <sip:2002@127.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}\r\n" +
        $"Call-ID: {callId}\r\nCSeq: 1 {cseqMethod ?? method}\r\nContact: <sip:2001@127.0.0.1:{ClientPort}>\r\nContent-Length: 0\r\n\r\n";

    private static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Without_a_session_usage_invite_is_501()
    {
        Start(withUsage: false);
        await SendAsync(Request("INVITE", "no-usage@test", NewBranch()));
        var response = await ReceiveFinalAsync();
        Assert.Equal(501, response.StatusCode);
        Assert.DoesNotContain("INVITE", response.GetHeaderString(HeaderId.Allow));
    }

    [Fact]
    public async Task Invite_and_bye_reach_the_usage_and_join_allow()
    {
        Start(withUsage: true);
        await SendAsync(Request("OPTIONS", "options@test", NewBranch()));
        Assert.Equal("REGISTER, OPTIONS, ACK, CANCEL, INVITE, BYE", (await ReceiveFinalAsync()).GetHeaderString(HeaderId.Allow));

        await SendAsync(Request("INVITE", "invite@test", NewBranch()));
        var invite = await _usage.Requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipMethod.Invite, invite.Method);
        invite.SendResponse(486, "Busy Here");
        Assert.Equal(486, (await ReceiveFinalAsync()).StatusCode);

        await SendAsync(Request("BYE", "invite@test", NewBranch(), toTag: "b1"));
        var bye = await _usage.Requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipMethod.Bye, bye.Method);
        bye.SendResponse(481, "Call/Transaction Does Not Exist");
        Assert.Equal(481, (await ReceiveFinalAsync()).StatusCode);
    }

    [Fact]
    public async Task Cancel_of_a_pending_invite_is_answered_200_and_handed_to_the_usage()
    {
        Start(withUsage: true);
        var branch = NewBranch();
        await SendAsync(Request("INVITE", "cancel@test", branch));
        var invite = await _usage.Requests.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        await SendAsync(Request("CANCEL", "cancel@test", branch));
        var cancelOk = await ReceiveFinalAsync();
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(SipMethod.Cancel, cancelOk.CSeqMethod);
        var cancelled = await _usage.Cancels.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(invite, cancelled);
        Assert.True(invite.LastStatusCode < 200, "the usage, not the core, sends the 487");

        cancelled.SendResponse(487, "Request Terminated");
        var terminated = await ReceiveFinalAsync();
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal(SipMethod.Invite, terminated.CSeqMethod);
    }

    [Fact]
    public async Task Stray_ack_goes_to_the_usage()
    {
        Start(withUsage: true);
        await SendAsync(Request("ACK", "ack@test", NewBranch(), toTag: "b1"));
        var ack = await _usage.Acks.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("ack@test", ack.CallIdString);
    }

    [Fact]
    public void A_second_session_usage_is_refused()
    {
        _stack.Core.AttachSessions(_usage);
        Assert.Throws<InvalidOperationException>(() => _stack.Core.AttachSessions(new RecordingSessionUsage()));
    }

    private sealed class RecordingSessionUsage : ISipSessionUsage
    {
        public Channel<ServerTransaction> Requests { get; } = Channel.CreateUnbounded<ServerTransaction>();
        public Channel<ServerTransaction> Cancels { get; } = Channel.CreateUnbounded<ServerTransaction>();
        public Channel<SipMessage> Acks { get; } = Channel.CreateUnbounded<SipMessage>();

        public IReadOnlyList<SipMethod> Methods { get; } = [SipMethod.Invite, SipMethod.Bye];

        public void OnRequest(ServerTransaction transaction) => Requests.Writer.TryWrite(transaction);

        public void OnCancel(ServerTransaction invite, SipMessage cancel) => Cancels.Writer.TryWrite(invite);

        public void OnAck(SipMessage ack) => Acks.Writer.TryWrite(ack);

        public void OnStrayResponse(SipMessage response)
        {
        }
    }
}
