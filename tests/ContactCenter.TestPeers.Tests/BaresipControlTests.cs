using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ContactCenter.TestPeers.Tests;

// Against a stand-in ctrl_tcp server on loopback, so framing and matching are tested without baresip.
public sealed class BaresipControlTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket _server = null!;
    private BaresipControl _control = null!;

    public async Task InitializeAsync()
    {
        _listener.Start();
        var accepting = _listener.AcceptSocketAsync();
        _control = await BaresipControl.ConnectAsync((IPEndPoint)_listener.LocalEndpoint);
        _server = await accepting.WaitAsync(Timeout);
    }

    public async Task DisposeAsync()
    {
        await _control.DisposeAsync();
        _server.Dispose();
        _listener.Stop();
    }

    [Fact]
    public async Task Command_is_framed_json_and_matched_to_its_response_by_token_across_events()
    {
        var sending = _control.SendCommandAsync("dial", "sip:100@127.0.0.1:5060");
        var command = await ReadFrameAsync();

        Assert.Equal("dial", command.GetProperty("command").GetString());
        Assert.Equal("sip:100@127.0.0.1:5060", command.GetProperty("params").GetString());
        var token = command.GetProperty("token").GetString();
        // baresip pushes events before the response, and in the same TCP segment.
        await SendAsync(
            Frame("""{"event":true,"type":"CALL_LOCAL_SDP","class":"other","param":"offer"}""") +
            Frame("""{"response":true,"ok":true,"data":"other","token":"not-ours"}""") +
            Frame($$"""{"response":true,"ok":true,"data":"","token":"{{token}}"}"""));

        var response = await sending.WaitAsync(Timeout);

        Assert.True(response.Ok);
        Assert.Equal("", response.Data);
        Assert.Equal(token, response.Token);
        var sdp = Assert.Single(_control.Events);
        Assert.Equal(BaresipEventTypes.CallLocalSdp, sdp.Type);
        Assert.Equal("offer", sdp.Parameter);
    }

    [Fact]
    public async Task Refused_command_throws_with_baresip_reason()
    {
        var hangingUp = _control.HangupAsync();
        var token = (await ReadFrameAsync()).GetProperty("token").GetString();
        await SendAsync(Frame($$"""{"response":true,"ok":false,"data":"no active call\n","token":"{{token}}"}"""));

        var refused = await Assert.ThrowsAsync<BaresipCommandException>(() => hangingUp.WaitAsync(Timeout));

        Assert.Contains("no active call", refused.Message);
    }

    [Fact]
    public async Task Waiting_finds_an_event_that_already_came_and_honours_afterSequence()
    {
        await SendAsync(Frame("""{"event":true,"type":"CALL_ESTABLISHED","id":"a1"}"""));
        var first = await _control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Timeout);

        var second = _control.WaitForEventAsync(BaresipEventTypes.CallEstablished, Timeout, afterSequence: first.Sequence);
        await SendAsync(Frame("""{"event":true,"type":"CALL_CLOSED","id":"a1","param":"bye"}"""));
        await SendAsync(Frame("""{"event":true,"type":"CALL_ESTABLISHED","id":"b2"}"""));

        Assert.Equal("a1", first.CallId);
        Assert.Equal(1, first.Sequence);
        Assert.Equal("b2", (await second.WaitAsync(Timeout)).CallId);
        Assert.Equal(3, _control.LastEventSequence);
    }

    [Fact]
    public async Task Waiting_in_vain_times_out_listing_the_events_seen()
    {
        await SendAsync(Frame("""{"event":true,"type":"REGISTER_FAIL","param":"403 Forbidden"}"""));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => _control.WaitForEventAsync(BaresipEventTypes.RegisterOk, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("REGISTER_FAIL (403 Forbidden)", timeout.Message);
    }

    [Fact]
    public async Task Connection_loss_ends_waits_and_commands_at_once()
    {
        var waiting = _control.WaitForEventAsync(BaresipEventTypes.CallClosed, TimeSpan.FromSeconds(30));
        var command = _control.SendCommandAsync("listcalls", timeout: TimeSpan.FromSeconds(30));
        await ReadFrameAsync();

        _server.Shutdown(SocketShutdown.Both);
        _server.Close();

        await Assert.ThrowsAsync<IOException>(() => waiting.WaitAsync(Timeout));
        await Assert.ThrowsAsync<IOException>(() => command.WaitAsync(Timeout));
        await _control.Closed.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Garbage_on_the_connection_closes_it_instead_of_buffering_forever()
    {
        var waiting = _control.WaitForEventAsync(BaresipEventTypes.CallClosed, TimeSpan.FromSeconds(30));

        await SendAsync("HTTP/1.1 400 Bad Request\r\n\r\n");

        var closed = await Assert.ThrowsAsync<IOException>(() => waiting.WaitAsync(Timeout));
        Assert.IsType<InvalidDataException>(closed.InnerException);
    }

    [Fact]
    public async Task Events_stream_yields_in_order_and_ends_with_the_connection()
    {
        await SendAsync(Frame("""{"event":true,"type":"REGISTERING"}""") + Frame("""{"event":true,"type":"REGISTER_OK"}"""));
        var reading = Task.Run(async () =>
        {
            var types = new List<string>();
            await foreach (var e in _control.ReadEventsAsync())
            {
                types.Add(e.Type);
            }
            return types;
        });
        await _control.WaitForEventAsync(BaresipEventTypes.RegisterOk, Timeout);
        await SendAsync(Frame("""{"event":true,"type":"CALL_INCOMING"}"""));
        await _control.WaitForEventAsync(BaresipEventTypes.CallIncoming, Timeout);

        _server.Close();

        Assert.Equal(["REGISTERING", "REGISTER_OK", "CALL_INCOMING"], await reading.WaitAsync(Timeout));
    }

    private static string Frame(string json) => $"{Encoding.UTF8.GetByteCount(json)}:{json},";

    private Task SendAsync(string text) => _server.SendAsync(Encoding.UTF8.GetBytes(text)).WaitAsync(Timeout);

    private async Task<JsonElement> ReadFrameAsync()
    {
        var buffer = new byte[4096];
        var filled = 0;
        while (true)
        {
            var read = await _server.ReceiveAsync(buffer.AsMemory(filled)).AsTask().WaitAsync(Timeout);
            Assert.NotEqual(0, read);
            filled += read;
            if (Netstring.TryRead(buffer.AsSpan(0, filled), out var payload, out _))
            {
                return JsonDocument.Parse(payload.ToArray()).RootElement.Clone();
            }
        }
    }
}
