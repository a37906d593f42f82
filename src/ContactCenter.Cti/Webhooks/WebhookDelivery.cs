namespace ContactCenter.Cti.Webhooks;

/// <summary>One delivery attempt, as the delivery log shows it.</summary>
public sealed record WebhookDelivery(
    long Id,
    string SubscriptionId,
    string EventId,
    string EventType,
    long Seq,
    long Attempt,
    string AttemptedAt,
    long? StatusCode,
    string? Error,
    long DurationMs,
    string Outcome);
