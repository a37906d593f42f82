using System.Text.Json;
using ContactCenter.Storage;
using Dapper;

namespace ContactCenter.Cti.Subscriptions;

/// <summary>The subscriptions in <c>cti_subscriptions</c>.</summary>
public sealed class SubscriptionStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string Columns = """
        id, owner_token_id, owner_agent_id, types, agents, services, media, delivery, webhook_url, webhook_secret, status,
        disabled_reason, created_at, created_stream_id, created_seq, channel_stream_id
        """;

    /// <summary>Stores a new subscription.</summary>
    public void Insert(CtiSubscription s)
    {
        using var connection = connections.Open();
        connection.Execute($"""
            INSERT INTO cti_subscriptions ({Columns})
            VALUES (@Id, @OwnerTokenId, @OwnerAgentId, @Types, @Agents, @Services, @Media, @Delivery, @WebhookUrl, @Secret, @Status,
                    @DisabledReason, @CreatedAt, @CreatedStreamId, @CreatedSeq, @ChannelStreamId)
            """,
            new
            {
                s.Id, s.OwnerTokenId, s.OwnerAgentId,
                Types = Json(s.Types), Agents = Json(s.Agents), Services = Json(s.Services), Media = Json(s.Media),
                Delivery = s.Delivery == CtiDelivery.Webhook ? "webhook" : "channel",
                s.WebhookUrl, Secret = s.ProtectedWebhookSecret, Status = s.Active ? "active" : "disabled",
                s.DisabledReason, s.CreatedAt, s.CreatedStreamId, s.CreatedSeq, s.ChannelStreamId,
            });
    }

    /// <summary>The subscription, or null.</summary>
    public CtiSubscription? Find(string id)
    {
        using var connection = connections.Open();
        return connection.Query<Row>($"SELECT {Columns} FROM cti_subscriptions WHERE id = @id", new { id })
            .Select(ToSubscription).SingleOrDefault();
    }

    /// <summary>A token's subscriptions, or every subscription when <paramref name="ownerTokenId"/> is null.</summary>
    public IReadOnlyList<CtiSubscription> List(string? ownerTokenId)
    {
        using var connection = connections.Open();
        return connection.Query<Row>(
                $"SELECT {Columns} FROM cti_subscriptions WHERE @owner IS NULL OR owner_token_id = @owner ORDER BY created_at, id",
                new { owner = ownerTokenId })
            .Select(ToSubscription).ToList();
    }

    /// <summary>How many subscriptions a token holds.</summary>
    public int Count(string ownerTokenId)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<int>("SELECT COUNT(*) FROM cti_subscriptions WHERE owner_token_id = @ownerTokenId", new { ownerTokenId });
    }

    /// <summary>The active webhook subscriptions (loaded at start by the outbox).</summary>
    public IReadOnlyList<CtiSubscription> ActiveWebhooks()
    {
        using var connection = connections.Open();
        return connection.Query<Row>($"SELECT {Columns} FROM cti_subscriptions WHERE delivery = 'webhook' AND status = 'active' ORDER BY id")
            .Select(ToSubscription).ToList();
    }

    /// <summary>Deletes a subscription with its outbox and delivery log; false when it did not exist.</summary>
    public bool Delete(string id)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM cti_webhook_deliveries WHERE subscription_id = @id", new { id }, transaction);
        connection.Execute("DELETE FROM cti_webhook_outbox WHERE subscription_id = @id", new { id }, transaction);
        int deleted = connection.Execute("DELETE FROM cti_subscriptions WHERE id = @id", new { id }, transaction);
        transaction.Commit();
        return deleted > 0;
    }

    /// <summary>Disables an active subscription; false when it was not active.</summary>
    public bool Disable(string id, string reason)
    {
        using var connection = connections.Open();
        return connection.Execute(
            "UPDATE cti_subscriptions SET status = 'disabled', disabled_reason = @reason WHERE id = @id AND status = 'active'",
            new { id, reason }) > 0;
    }

    /// <summary>Records the bus stream a channel connected in.</summary>
    public void SetChannelStream(string id, string streamId)
    {
        using var connection = connections.Open();
        connection.Execute("UPDATE cti_subscriptions SET channel_stream_id = @streamId WHERE id = @id", new { id, streamId });
    }

    /// <summary>Now, as stored.</summary>
    public string Now() => time.GetUtcNow().ToString("O");

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static IReadOnlyList<string> ReadList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    private static CtiSubscription ToSubscription(Row r) => new()
    {
        Id = r.id,
        OwnerTokenId = r.owner_token_id,
        OwnerAgentId = r.owner_agent_id,
        Types = ReadList(r.types),
        Agents = ReadList(r.agents),
        Services = ReadList(r.services),
        Media = ReadList(r.media),
        Delivery = r.delivery == "webhook" ? CtiDelivery.Webhook : CtiDelivery.Channel,
        WebhookUrl = r.webhook_url,
        ProtectedWebhookSecret = r.webhook_secret,
        Active = r.status == "active",
        DisabledReason = r.disabled_reason,
        CreatedAt = r.created_at,
        CreatedStreamId = r.created_stream_id,
        CreatedSeq = r.created_seq,
        ChannelStreamId = r.channel_stream_id,
    };

#pragma warning disable IDE1006 // column names
    private sealed record Row(
        string id, string owner_token_id, string? owner_agent_id, string types, string agents, string services, string media,
        string delivery, string? webhook_url, string? webhook_secret, string status, string? disabled_reason, string created_at,
        string created_stream_id, long created_seq, string? channel_stream_id);
#pragma warning restore IDE1006
}
