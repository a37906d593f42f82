using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Cti.Tests.Support;

/// <summary>
/// A WebSocket channel client: connects with a bearer token and an optional position, and reads every message in the
/// background (cancelling a WebSocket read would abort the socket), so a test can wait for a message with a timeout.
/// </summary>
public sealed class WebSocketChannelClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly System.Threading.Channels.Channel<string> _messages = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly Task _pump;

    private WebSocketChannelClient(ClientWebSocket socket)
    {
        _socket = socket;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>How the server closed the socket, once it did.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static Uri ChannelUri(CtiTestHost host, string subscriptionId, string? query = null) =>
        new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = $"/cti/v1/channel/{subscriptionId}/ws", Query = query ?? "" }.Uri;

    public static async Task<WebSocketChannelClient> ConnectAsync(CtiTestHost host, string token, string subscriptionId, string? lastEventId = null)
    {
        var socket = NewSocket(token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(ChannelUri(host, subscriptionId, lastEventId is null ? null : "last_event_id=" + lastEventId), timeout.Token);
        return new WebSocketChannelClient(socket);
    }

    /// <summary>Tries to connect and returns the HTTP status the upgrade request got (101 when it succeeded).</summary>
    public static async Task<HttpStatusCode> UpgradeStatusAsync(CtiTestHost host, string? token, string subscriptionId, string? query = null)
    {
        using var socket = NewSocket(token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(ChannelUri(host, subscriptionId, query), timeout.Token);
            socket.Abort();
        }
        catch (WebSocketException)
        {
        }
        return socket.HttpStatusCode;
    }

    private static ClientWebSocket NewSocket(string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        return socket;
    }

    /// <summary>The next message, as JSON.</summary>
    public async Task<JsonElement> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string text = await _messages.Reader.ReadAsync(cancel.Token);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The next message that is not a heartbeat.</summary>
    public async Task<JsonElement> ReadEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReadAsync(timeout);
            if (message.GetProperty("type").GetString() != "heartbeat")
                return message;
        }
    }

    /// <summary>Reads until the server closes (answering its close); returns the close code, or null if the connection just dropped.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync(TimeSpan timeout)
    {
        await _pump.WaitAsync(timeout);
        return _socket.CloseStatus;
    }

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Starts the close handshake from the client side and waits for the server's answer.</summary>
    public async Task CloseAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        await _pump.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                    _messages.Writer.TryWrite(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException)
        {
            // dropped
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }

    /// <summary>Drops the connection abruptly, as a crashed client or a broken network would.</summary>
    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        _socket.Dispose();
    }
}
