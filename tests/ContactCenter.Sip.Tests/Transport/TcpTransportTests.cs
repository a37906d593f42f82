using System.Net;
using System.Net.Sockets;
using System.Text;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Tests.Transport;

public sealed class TcpTransportTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private SipTransportLayer _layer = null!;
    private IPEndPoint _server = null!;

    public Task InitializeAsync()
    {
        _layer = new SipTransportLayer(
            new SipTransportOptions
            {
                Listen = [new SipListenEndpoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 0))],
                MaxMessageSize = 4096,
            },
            NullSipLog.Instance, TimeProvider.System);
        _layer.Start(_handler);
        _server = _layer.LocalEndPoints[0].EndPoint;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _layer.DisposeAsync();

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(_server);
        return socket;
    }

    private static async Task<string> ReadUntilAsync(Socket socket, Func<string, bool> done)
    {
        var buffer = new byte[65536];
        var text = new StringBuilder();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!done(text.ToString()))
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0) break;
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        return text.ToString();
    }

    [Fact]
    public async Task Message_arriving_one_byte_at_a_time_is_framed_once_complete()
    {
        using var socket = await ConnectAsync();
        var bytes = TestMessages.Options(via: "SIP/2.0/TCP 127.0.0.1:5070");
        foreach (var b in bytes) await socket.SendAsync(new[] { b }, SocketFlags.None);
        var message = await _handler.NextAsync();
        Assert.Equal(SipMethod.Options, message.Method);
        Assert.Equal(SipTransportKind.Tcp, message.Source!.Transport);
        Assert.NotEqual(0, message.Source.ConnectionId);
    }

    [Fact]
    public async Task Pipelined_messages_are_delivered_in_order_and_the_response_uses_the_same_connection()
    {
        using var socket = await ConnectAsync();
        var first = TestMessages.Options(branch: "z9hG4bK-1", via: "SIP/2.0/TCP 127.0.0.1:5070");
        var second = TestMessages.Options(branch: "z9hG4bK-2", via: "SIP/2.0/TCP 127.0.0.1:5070");
        await socket.SendAsync(first.Concat(second).ToArray(), SocketFlags.None);
        var m1 = await _handler.NextAsync();
        var m2 = await _handler.NextAsync();
        Assert.Equal("z9hG4bK-1", Encoding.ASCII.GetString(m1.Branch.Span));
        Assert.Equal("z9hG4bK-2", Encoding.ASCII.GetString(m2.Branch.Span));
        Assert.True(_layer.Send(SipResponseFactory.Create(m2, 200, "OK", "t"u8).Finish(), _layer.ResponseDestination(m2)));
        var response = await ReadUntilAsync(socket, t => t.Contains("\r\n\r\n"));
        Assert.StartsWith("SIP/2.0 200 OK", response);
    }

    [Fact]
    public async Task Double_crlf_ping_gets_a_crlf_pong()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync("\r\n\r\n"u8.ToArray(), SocketFlags.None);
        var pong = await ReadUntilAsync(socket, t => t.Length >= 2);
        Assert.Equal("\r\n", pong);
    }

    [Fact]
    public async Task Missing_content_length_on_a_stream_is_answered_400_and_closed()
    {
        using var socket = await ConnectAsync();
        await socket.SendAsync(TestMessages.Options(via: "SIP/2.0/TCP 127.0.0.1:5070", contentLength: false), SocketFlags.None);
        var response = await ReadUntilAsync(socket, _ => false); // reads until the server closes
        Assert.StartsWith("SIP/2.0 400 Missing Content-Length Header\r\n", response);
        Assert.Equal(1, _layer.Statistics.Rejected);
    }

    [Fact]
    public async Task Oversized_header_section_closes_the_connection_without_buffering_more()
    {
        using var socket = await ConnectAsync();
        var junk = Encoding.ASCII.GetBytes("OPTIONS sip:x SIP/2.0\r\nX-Long: " + new string('a', 10_000));
        await socket.SendAsync(junk, SocketFlags.None);
        var rest = await ReadUntilAsync(socket, _ => false);
        Assert.Equal("", rest);
        Assert.Equal(1, _layer.Statistics.Dropped);
    }
}
