using ContactCenter.Events;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// <c>GET /cti/v1/channel/{subscription}</c>: the persistent channel (CTI-06, CTI-09) as Server-Sent Events.
/// Resume with the standard <c>Last-Event-ID</c> header (browsers' EventSource sends it) or <c>?last_event_id=</c>.
/// </summary>
internal static class ChannelEndpoint
{
    public static async Task HandleAsync(HttpContext http, string subscription)
    {
        var start = await ChannelRequest.ResolveAsync(http, subscription);
        if (start is null)
            return;

        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<CtiOptions>>().Value;
        // Ends with the request, with the server's shutdown (open streams must not hold it up) or when taken over.
        using var endOrStop = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        using var lease = services.GetRequiredService<ChannelConnections>().Open(start.SubscriptionId, endOrStop.Token);

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // reverse proxies must not hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var writer = new SseWriter(http.Response.BodyWriter);
        writer.WriteRetry(2000);
        var session = new ChannelSession(services.GetRequiredService<IEventBus>(), start.Filter, writer,
            services.GetRequiredService<TimeProvider>(), options.ChannelHeartbeatInterval, options.ChannelSendTimeout);
        try
        {
            await http.Response.BodyWriter.FlushAsync(lease.Token);
            await session.RunAsync(start.FromSeq, start.Resync, start.LastEventId, lease.Token);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            // the client left or the channel was taken over
        }
        if (session.TimedOut)
            http.Abort(); // the client accepts nothing: drop the connection rather than wait on its buffers
    }
}
