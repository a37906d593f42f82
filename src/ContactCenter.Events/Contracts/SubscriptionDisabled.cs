namespace ContactCenter.Events.Contracts;

/// <summary>
/// Payload of <c>subscription.disabled</c>: a CTI webhook subscription was switched off because its receiver kept
/// failing past the retry period (or its outbox filled up). An alarm for operators; its undelivered events are kept
/// until the subscription is deleted.
/// </summary>
/// <param name="SubscriptionId">The subscription (<c>sub_…</c>).</param>
/// <param name="Reason">Why: <c>retries_exhausted</c> or <c>outbox_full</c>.</param>
/// <param name="Detail">The last failure, for humans.</param>
/// <param name="WebhookUrl">Where deliveries were going.</param>
/// <param name="PendingEvents">Events left undelivered.</param>
public sealed record SubscriptionDisabled(string SubscriptionId, string Reason, string Detail, string? WebhookUrl, long PendingEvents);
