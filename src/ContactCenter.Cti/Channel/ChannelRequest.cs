using System.Globalization;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Subscriptions;
using ContactCenter.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Cti.Channel;

/// <summary>
/// What both channel transports do before their first byte: the caller must own a channel subscription, and the
/// position it resumes from (<c>Last-Event-ID</c> header or <c>?last_event_id=</c>) decides where the stream starts.
/// Refusals are problem details, written before any upgrade or stream begins.
/// </summary>
internal static class ChannelRequest
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string LastEventIdQuery = "last_event_id";

    /// <summary>The start of the stream, or null after writing the refusal.</summary>
    public static async Task<ChannelStart?> ResolveAsync(HttpContext http, string subscription)
    {
        var services = http.RequestServices;
        var caller = CtiCaller.From(http.User);
        if (caller is null)
        {
            await CtiProblemWriter.WriteAsync(http, CtiProblem.Unauthorized("The channel needs a CTI bearer token."), null);
            return null;
        }
        var store = services.GetRequiredService<SubscriptionStore>();
        var found = store.Find(subscription);
        if (found is null || !SubscriptionAccess.MayManage(caller, found))
        {
            await CtiProblemWriter.WriteAsync(http, SubscriptionAccess.NotFound(subscription), null);
            return null;
        }
        if (found.Delivery != CtiDelivery.Channel)
        {
            await CtiProblemWriter.WriteAsync(http, CtiProblem.Conflict("not_a_channel_subscription",
                $"Subscription '{subscription}' is delivered by webhook, not on the channel.", "webhook"), null);
            return null;
        }
        string? position = http.Request.Headers[LastEventIdHeader].FirstOrDefault() ?? http.Request.Query[LastEventIdQuery].FirstOrDefault();
        long? lastEventId = null;
        if (!string.IsNullOrEmpty(position))
        {
            if (!long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed))
            {
                await CtiProblemWriter.WriteAsync(http, CtiProblem.InvalidField(LastEventIdQuery,
                    "Last-Event-ID must be the seq of the last event received (a non-negative integer)."), null);
                return null;
            }
            lastEventId = parsed;
        }

        // A seq only means something in the stream it came from: the in-process bus starts again at 1 on restart.
        var bus = services.GetRequiredService<IEventBus>();
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
        return new ChannelStart(found.Id, found.ToFilter(), fromSeq, resync, lastEventId);
    }
}
