namespace ContactCenter.Cti.Subscriptions;

/// <summary>A subscription as the API shows it: never the webhook secret.</summary>
public sealed record SubscriptionView(
    string Id,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Media,
    CtiDelivery Delivery,
    string? WebhookUrl,
    string? ChannelUrl,
    string Status,
    string? DisabledReason,
    string CreatedAt,
    string StreamId,
    long Seq,
    string OwnerTokenId)
{
    internal static SubscriptionView From(CtiSubscription s) => new(
        s.Id, s.Types, s.OwnerAgentId is { } agent ? [agent] : s.Agents, s.Services, s.Media, s.Delivery, s.WebhookUrl,
        s.Delivery == CtiDelivery.Channel ? ChannelPath(s.Id) : null,
        s.Active ? "active" : "disabled", s.DisabledReason, s.CreatedAt, s.CreatedStreamId, s.CreatedSeq, s.OwnerTokenId);

    internal static string ChannelPath(string id) => "/cti/v1/channel/" + id;
}
