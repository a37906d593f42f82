using System.Net.WebSockets;
using ContactCenter.Cti.Commands;
using ContactCenter.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// <c>GET /cti/v1/channel/{subscription}/ws</c>: the persistent channel as a WebSocket, with the SSE channel's
/// semantics (same authorization, resume position, heartbeats, <c>resync_required</c>, one connection per
/// subscription). The server only sends; it reads to answer pings and the client's close. Why it ended is the close
/// code (<see cref="WebSocketCloseCodes"/>).
/// </summary>
internal static class WebSocketChannelEndpoint
{
    /// <summary>How long the server waits for the client to acknowledge its close before dropping the connection.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    public static async Task HandleAsync(HttpContext http, string subscription)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.Headers.Upgrade = "websocket";
            await CtiProblemWriter.WriteAsync(http, new CtiProblem(StatusCodes.Status426UpgradeRequired, "websocket_required",
                "This endpoint is a WebSocket.", $"Open it as a WebSocket, or use the SSE channel at /cti/v1/channel/{subscription}."), null);
            return;
        }
        var start = await ChannelRequest.ResolveAsync(http, subscription);
        if (start is null)
            return;

        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<CtiOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var endOrStop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        using var lease = services.GetRequiredService<ChannelConnections>().Open(start.SubscriptionId, endOrStop.Token);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false });

        using var sessionEnd = CancellationTokenSource.CreateLinkedTokenSource(lease.Token);
        var client = new ClientSide(socket, sessionEnd);
        var receiving = client.ReceiveAsync();
        var session = new ChannelSession(services.GetRequiredService<IEventBus>(), start.Filter, new WebSocketChannelWriter(socket),
            time, options.ChannelHeartbeatInterval, options.ChannelSendTimeout);
        bool broken = false;
        try
        {
            await session.RunAsync(start.FromSeq, start.Resync, start.LastEventId, sessionEnd.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            broken = true; // the connection failed under a send
        }
        catch
        {
            await CloseAsync(socket, WebSocketCloseCodes.InternalError, "internal_error", receiving, time, http.RequestAborted);
            throw;
        }

        if (broken || session.TimedOut || http.RequestAborted.IsCancellationRequested)
        {
            socket.Abort(); // a client that accepts nothing would not read a close frame either
            return;
        }
        var (code, reason) = client.ClosedByClient ? (WebSocketCloseCodes.Normal, "")
            : client.SentData ? (WebSocketCloseCodes.UnexpectedMessage, "unexpected_message")
            : lease.EndReason == ChannelEndReason.TakenOver ? (WebSocketCloseCodes.TakenOver, "taken_over")
            : lease.EndReason == ChannelEndReason.Unsubscribed ? (WebSocketCloseCodes.Unsubscribed, "unsubscribed")
            : stopping.IsCancellationRequested ? (WebSocketCloseCodes.ServerStopping, "server_stopping")
            : (WebSocketCloseCodes.InternalError, "internal_error");
        await CloseAsync(socket, code, reason, receiving, time, http.RequestAborted);
    }

    /// <summary>Sends the close frame and waits (bounded) for the client's, which ends the receive loop.</summary>
    private static async Task CloseAsync(WebSocket socket, int code, string reason, Task receiving, TimeProvider time, CancellationToken aborted)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, bounded.Token);
            await receiving.WaitAsync(bounded.Token);
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            socket.Abort();
        }
    }

    /// <summary>
    /// The read side: the server reads only so that pings are answered and the client's close is seen; a data message
    /// is a protocol error of this channel. Reads are never cancelled (that would abort the socket); the loop ends
    /// when the socket closes or fails.
    /// </summary>
    private sealed class ClientSide(WebSocket socket, CancellationTokenSource sessionEnd)
    {
        public bool ClosedByClient { get; private set; }

        public bool SentData { get; private set; }

        public async Task ReceiveAsync()
        {
            var buffer = new byte[256];
            try
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        // Only a close the server did not start is the client's decision.
                        ClosedByClient = socket.State == WebSocketState.CloseReceived;
                        End();
                        return;
                    }
                    SentData = true;
                    End();
                    // Keep reading (and discarding) until the close handshake ends, with a bounded buffer.
                }
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                End();
            }
        }

        private void End()
        {
            try
            {
                sessionEnd.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // the session already ended
            }
        }
    }
}
