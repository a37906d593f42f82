using ContactCenter.Events;

namespace ContactCenter.Cti.Subscriptions;

/// <summary>A subscription as stored.</summary>
public sealed record CtiSubscription
{
    public required string Id { get; init; }
    public required string OwnerTokenId { get; init; }
    /// <summary>Set for an agent token's subscription: it only ever sees events about this agent.</summary>
    public string? OwnerAgentId { get; init; }
    public required IReadOnlyList<string> Types { get; init; }
    public required IReadOnlyList<string> Agents { get; init; }
    public required IReadOnlyList<string> Services { get; init; }
    public required IReadOnlyList<string> Media { get; init; }
    public required CtiDelivery Delivery { get; init; }
    public string? WebhookUrl { get; init; }
    /// <summary>The webhook secret as protected by Data Protection; unprotect only to sign.</summary>
    public string? ProtectedWebhookSecret { get; init; }
    public required bool Active { get; init; }
    public string? DisabledReason { get; init; }
    public required string CreatedAt { get; init; }
    public required string CreatedStreamId { get; init; }
    public required long CreatedSeq { get; init; }
    /// <summary>The bus stream of the channel's last connection: a Last-Event-ID only means something in it.</summary>
    public string? ChannelStreamId { get; init; }

    /// <summary>
    /// The bus filter. An agent-owned subscription is narrowed to its agent whatever was stored, so a bug elsewhere
    /// cannot widen what an agent token sees.
    /// </summary>
    public EventFilter ToFilter() => new()
    {
        Types = Types,
        AgentIds = OwnerAgentId is { } agent ? [agent] : Agents,
        ServiceIds = Services,
        Media = Media,
    };
}
