using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.Subscriptions;

namespace ContactCenter.Cti.Webhooks;

/// <summary><c>GET /cti/v1/get_webhook_deliveries</c>: the delivery log of a webhook subscription, newest first, and how many events wait.</summary>
public sealed class GetWebhookDeliveries(SubscriptionStore subscriptions, WebhookOutboxStore outbox)
    : ICtiCommand<GetWebhookDeliveries.Request, GetWebhookDeliveries.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("get_webhook_deliveries", CtiCommandMethod.Get, CtiPolicies.Integrator,
        "The delivery log of a webhook subscription (every attempt, newest first) and the number of events waiting.");

    /// <summary>The subscription; <paramref name="Limit"/> rows (1–1000) before <paramref name="BeforeId"/> when paging.</summary>
    public sealed record Request(string SubscriptionId, int Limit = 100, long? BeforeId = null);

    /// <summary>The subscription's state, waiting events and attempts.</summary>
    public sealed record Response(string SubscriptionId, string Status, string? DisabledReason, long Pending, IReadOnlyList<WebhookDelivery> Deliveries);

    /// <inheritdoc />
    public ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (request.Limit is < 1 or > 1000)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.InvalidField("limit", "limit must be between 1 and 1000."));
        var subscription = subscriptions.Find(request.SubscriptionId);
        if (subscription is null || !SubscriptionAccess.MayView(context.Caller, subscription))
            return ValueTask.FromResult<CtiResult<Response>>(SubscriptionAccess.NotFound(request.SubscriptionId));
        if (subscription.Delivery != CtiDelivery.Webhook)
            return ValueTask.FromResult<CtiResult<Response>>(CtiProblem.Conflict("not_a_webhook_subscription",
                $"Subscription '{request.SubscriptionId}' is delivered on the channel.", "channel"));
        return ValueTask.FromResult<CtiResult<Response>>(new Response(
            subscription.Id, subscription.Active ? "active" : "disabled", subscription.DisabledReason,
            outbox.Pending(subscription.Id), outbox.Deliveries(subscription.Id, request.Limit, request.BeforeId)));
    }
}
