using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Webhooks;

namespace ContactCenter.Cti.Subscriptions;

/// <summary>
/// <c>POST /cti/v1/unsubscribe</c>: deletes a subscription, closes its channel, drops its undelivered webhook events.
/// A token may remove its own subscriptions; an admin any.
/// </summary>
public sealed class Unsubscribe(SubscriptionStore subscriptions, ChannelConnections channels, WebhookOutbox outbox)
    : ICtiCommand<Unsubscribe.Request, Unsubscribe.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("unsubscribe", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Deletes a subscription: its channel is closed and undelivered webhook events are dropped.");

    /// <summary>The subscription's id.</summary>
    public sealed record Request(string SubscriptionId);

    /// <summary>The id that was removed.</summary>
    public sealed record Response(string SubscriptionId);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var subscription = subscriptions.Find(request.SubscriptionId);
        if (subscription is null || !SubscriptionAccess.MayManage(context.Caller, subscription))
            return ValueTask.FromResult<CtiResult<Response>>(SubscriptionAccess.NotFound(request.SubscriptionId));
        outbox.Remove(subscription.Id);
        subscriptions.Delete(subscription.Id);
        channels.Close(subscription.Id);
        return ValueTask.FromResult<CtiResult<Response>>(new Response(subscription.Id));
    }
}
