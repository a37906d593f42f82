namespace ContactCenter.Cti.Webhooks;

/// <summary>One undelivered event of one webhook subscription.</summary>
public sealed record WebhookOutboxRow(
    long Id,
    string SubscriptionId,
    string EventId,
    string EventType,
    long Seq,
    string StreamId,
    byte[] Body,
    long Attempts,
    string? FirstAttemptAt,
    string? NextAttemptAt);
