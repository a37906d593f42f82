namespace ContactCenter.Cti.Subscriptions;

/// <summary>How a subscription's events reach the client (CTI-06).</summary>
public enum CtiDelivery
{
    /// <summary>Server-Sent Events on <c>/cti/v1/channel/{subscription}</c>.</summary>
    Channel,

    /// <summary>Signed HTTP POSTs to the client's URL through the durable outbox.</summary>
    Webhook,
}
