namespace ContactCenter.Cti.Webhooks;

/// <summary>The result of one POST to a receiver.</summary>
public sealed record WebhookAttempt(long Number, string AttemptedAt, int? StatusCode, string? Error, long DurationMs)
{
    /// <summary>A 2xx answer.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
