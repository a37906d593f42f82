using System.Globalization;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Subscriptions;
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
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string LastEventIdQuery = "last_event_id";

    public static async Task HandleAsync(HttpContext http, string subscription)
    {
        var services = http.RequestServices;
        var caller = CtiCaller.From(http.User);
        if (caller is null)
        {
            await CtiProblemWriter.WriteAsync(http, CtiProblem.Unauthorized("The channel needs a CTI bearer token."), null);
            return;
        }
        var store = services.GetRequiredService<SubscriptionStore>();
        var found = store.Find(subscription);
        if (found is null || !SubscriptionAccess.MayManage(caller, found))
        {
            await CtiProblemWriter.WriteAsync(http, SubscriptionAccess.NotFound(subscription), null);
            return;
        }
        if (found.Delivery != CtiDelivery.Channel)
        {
            await CtiProblemWriter.WriteAsync(http, CtiProblem.Conflict("not_a_channel_subscription",
                $"Subscription '{subscription}' is delivered by webhook, not on the channel.", "webhook"), null);
            return;
        }
        string? position = http.Request.Headers[LastEventIdHeader].FirstOrDefault() ?? http.Request.Query[LastEventIdQuery].FirstOrDefault();
        long? lastEventId = null;
        if (!string.IsNullOrEmpty(position))
        {
            if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                await CtiProblemWriter.WriteAsync(http, CtiProblem.InvalidField(LastEventIdQuery,
                    "Last-Event-ID must be the seq of the last event received (a non-negative integer)."), null);
                return;
            }
            lastEventId = parsed;
        }

        var bus = services.GetRequiredService<IEventBus>();
        var options = services.GetRequiredService<IOptions<CtiOptions>>().Value;
        // Ends with the request, with the server's shutdown (open streams must not hold it up) or when taken over.
        using var endOrStop = CancellationTokenSource.CreateLinkedTokenSource(
            http.RequestAborted, services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        using var lease = services.GetRequiredService<ChannelConnections>().Open(found.Id, endOrStop.Token);

        // A seq only means something in the stream it came from: the in-process bus starts again at 1 on restart.
        string knownStream = found.ChannelStreamId ?? found.CreatedStreamId;
        long? fromSeq = null;
        string? resync = null;
        if (lastEventId is { } last)
        {
            if (knownStream == bus.StreamId)
                fromSeq = last + 1;
            else
                resync = "stream_changed";
        }
        else if (found.ChannelStreamId is null && found.CreatedStreamId == bus.StreamId)
        {
            fromSeq = found.CreatedSeq + 1; // first connection: everything since subscribing
        }
        else
        {
            resync = "no_position"; // a client without a position must load a snapshot
        }
        if (found.ChannelStreamId != bus.StreamId)
            store.SetChannelStream(found.Id, bus.StreamId);

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // reverse proxies must not hold events back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var writer = new SseWriter(http.Response.BodyWriter);
        writer.WriteRetry(2000);
        try
        {
            await http.Response.BodyWriter.FlushAsync(lease.Token);
            var session = new ChannelSession(bus, found.ToFilter(), http.Response.BodyWriter,
                services.GetRequiredService<TimeProvider>(), options.ChannelHeartbeatInterval);
            await session.RunAsync(fromSeq, resync, lastEventId, lease.Token);
        }
        catch (OperationCanceledException) when (lease.Token.IsCancellationRequested)
        {
            // the client left or the channel was taken over
        }
    }
}
