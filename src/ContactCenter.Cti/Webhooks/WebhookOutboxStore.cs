using ContactCenter.Storage;
using Dapper;

namespace ContactCenter.Cti.Webhooks;

/// <summary>The durable outbox (<c>cti_webhook_outbox</c>) and the delivery log (<c>cti_webhook_deliveries</c>).</summary>
public sealed class WebhookOutboxStore(IDbConnectionFactory connections)
{
    private const string RowColumns = """
        id AS Id, subscription_id AS SubscriptionId, event_id AS EventId, event_type AS EventType, seq AS Seq,
        stream_id AS StreamId, body AS Body, attempts AS Attempts, first_attempt_at AS FirstAttemptAt, next_attempt_at AS NextAttemptAt
        """;

    /// <summary>A row to enqueue.</summary>
    public sealed record NewRow(string SubscriptionId, string EventId, string EventType, long Seq, string StreamId, byte[] Body, string CreatedAt);

    /// <summary>Enqueues rows in one transaction.</summary>
    public void Enqueue(IReadOnlyList<NewRow> rows)
    {
        if (rows.Count == 0)
            return;
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("""
            INSERT INTO cti_webhook_outbox (subscription_id, event_id, event_type, seq, stream_id, body, created_at)
            VALUES (@SubscriptionId, @EventId, @EventType, @Seq, @StreamId, @Body, @CreatedAt)
            """, rows, transaction);
        transaction.Commit();
    }

    /// <summary>The oldest undelivered row of a subscription, or null.</summary>
    public WebhookOutboxRow? Head(string subscriptionId)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<WebhookOutboxRow>(
            $"SELECT {RowColumns} FROM cti_webhook_outbox WHERE subscription_id = @subscriptionId ORDER BY id LIMIT 1", new { subscriptionId });
    }

    /// <summary>How many rows a subscription has waiting.</summary>
    public long Pending(string subscriptionId)
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM cti_webhook_outbox WHERE subscription_id = @subscriptionId", new { subscriptionId });
    }

    /// <summary>Removes a delivered row and logs the attempt, together.</summary>
    public void MarkDelivered(WebhookOutboxRow row, WebhookAttempt attempt, int keepLog)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM cti_webhook_outbox WHERE id = @Id", new { row.Id }, transaction);
        Log(connection, transaction, row, attempt, "delivered", keepLog);
        transaction.Commit();
    }

    /// <summary>Records a failed attempt and when to try again, together.</summary>
    public void MarkFailed(WebhookOutboxRow row, WebhookAttempt attempt, string firstAttemptAt, string nextAttemptAt, bool abandoned, int keepLog)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            "UPDATE cti_webhook_outbox SET attempts = @attempt, first_attempt_at = @firstAttemptAt, next_attempt_at = @nextAttemptAt WHERE id = @Id",
            new { row.Id, attempt = attempt.Number, firstAttemptAt, nextAttemptAt }, transaction);
        Log(connection, transaction, row, attempt, abandoned ? "abandoned" : "failed", keepLog);
        transaction.Commit();
    }

    /// <summary>The newest attempts of a subscription, newest first; <paramref name="beforeId"/> pages back.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries(string subscriptionId, int limit, long? beforeId)
    {
        using var connection = connections.Open();
        return connection.Query<WebhookDelivery>("""
            SELECT id AS Id, subscription_id AS SubscriptionId, event_id AS EventId, event_type AS EventType, seq AS Seq, attempt AS Attempt,
                   attempted_at AS AttemptedAt, status_code AS StatusCode, error AS Error, duration_ms AS DurationMs, outcome AS Outcome
            FROM cti_webhook_deliveries
            WHERE subscription_id = @subscriptionId AND (@beforeId IS NULL OR id < @beforeId)
            ORDER BY id DESC LIMIT @limit
            """, new { subscriptionId, limit, beforeId }).AsList();
    }

    private static void Log(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        WebhookOutboxRow row, WebhookAttempt attempt, string outcome, int keepLog)
    {
        long id = connection.ExecuteScalar<long>("""
            INSERT INTO cti_webhook_deliveries (subscription_id, event_id, event_type, seq, attempt, attempted_at, status_code, error, duration_ms, outcome)
            VALUES (@SubscriptionId, @EventId, @EventType, @Seq, @Number, @AttemptedAt, @StatusCode, @Error, @DurationMs, @outcome)
            RETURNING id
            """,
            new { row.SubscriptionId, row.EventId, row.EventType, row.Seq, attempt.Number, attempt.AttemptedAt, attempt.StatusCode, attempt.Error, attempt.DurationMs, outcome },
            transaction);
        if (id % 64 == 0)
        {
            // Bounded log: now and then drop what lies beyond the newest keepLog attempts of this subscription.
            connection.Execute("""
                DELETE FROM cti_webhook_deliveries WHERE subscription_id = @SubscriptionId AND id <= (
                    SELECT id FROM cti_webhook_deliveries WHERE subscription_id = @SubscriptionId ORDER BY id DESC LIMIT 1 OFFSET @keepLog)
                """, new { row.SubscriptionId, keepLog }, transaction);
        }
    }
}
