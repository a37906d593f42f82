using System.Threading.Channels;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Statistics;
using ContactCenter.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Acd.Storage;

/// <summary>
/// Writes history off the routing loop: the loop queues rows (never waits), one background task writes them.
/// The queue is bounded; when the disk cannot keep up the oldest rows wait, and past the bound new rows are counted
/// as dropped rather than stalling routing.
/// </summary>
public sealed class SqliteHistorySink : IAcdHistorySink, IAsyncDisposable
{
    private readonly Channel<Action<SqliteConnection>> _writes = Channel.CreateBounded<Action<SqliteConnection>>(
        // Wait mode, written only with TryWrite: a full queue makes TryWrite return false, so a row past the bound is
        // counted (DropWrite would report success and lose it silently, and could swallow a flush marker).
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly IDbConnectionFactory _connections;
    private readonly Task _writer;
    private long _dropped;
    private long _failed;

    public SqliteHistorySink(IDbConnectionFactory connections)
    {
        _connections = connections;
        _writer = Task.Run(WriteAsync);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Failed => Interlocked.Read(ref _failed);

    public void IntervalClosed(IReadOnlyList<ServiceIntervalRow> services, IReadOnlyList<AgentIntervalRow> agents) => Queue(connection =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var row in services)
        {
            var f = row.Figures;
            connection.Execute("""
                INSERT OR REPLACE INTO acd_service_intervals (service_id, interval_start, offered, answered, answered_in_sl, abandoned,
                    overflowed, handled, service_level, asa_seconds, aht_seconds)
                VALUES (@ServiceId, @Start, @Offered, @Answered, @InSl, @Abandoned, @Overflowed, @Handled, @Sl, @Asa, @Aht)
                """, new { row.ServiceId, Start = row.IntervalStart.ToString("O"), f.Offered, f.Answered, InSl = f.AnsweredWithinThreshold,
                    f.Abandoned, f.Overflowed, f.Handled, Sl = f.ServiceLevel, Asa = f.AsaSeconds, Aht = f.AhtSeconds }, transaction);
        }
        foreach (var row in agents)
        {
            var f = row.Figures;
            connection.Execute("""
                INSERT OR REPLACE INTO acd_agent_intervals (agent_id, interval_start, offered, handled, rejected, ronas, talk_seconds,
                    hold_seconds, wrap_seconds, logged_in_seconds, paused_seconds, occupancy)
                VALUES (@AgentId, @Start, @Offered, @Handled, @Rejected, @Ronas, @TalkSeconds, @HoldSeconds, @WrapSeconds,
                    @LoggedInSeconds, @PausedSeconds, @Occupancy)
                """, new { row.AgentId, Start = row.IntervalStart.ToString("O"), f.Offered, f.Handled, f.Rejected, f.Ronas, f.TalkSeconds,
                    f.HoldSeconds, f.WrapSeconds, f.LoggedInSeconds, f.PausedSeconds, f.Occupancy }, transaction);
        }
        transaction.Commit();
    });

    public void InteractionFinished(InteractionRecord record) => Queue(connection => connection.Execute("""
        INSERT INTO acd_interactions (id, service_id, media, call_id, agent_id, customer_address, arrived_at, connected_at, ended_at,
            outcome, disposition, offers)
        VALUES (@Id, @ServiceId, @Media, @CallId, @AgentId, @CustomerAddress, @ArrivedAt, @ConnectedAt, @EndedAt, @Outcome, @Disposition, @Offers)
        """, new { record.Id, record.ServiceId, record.Media, record.CallId, record.AgentId, record.CustomerAddress,
            ArrivedAt = record.ArrivedAt.ToString("O"), ConnectedAt = record.ConnectedAt?.ToString("O"), EndedAt = record.EndedAt.ToString("O"),
            record.Outcome, record.Disposition, record.Offers }));

    public void AlarmChanged(Alarm alarm) => Queue(connection => connection.Execute("""
        INSERT OR REPLACE INTO acd_alarm_history (alarm_id, rule_id, scope, subject_id, severity, metric, threshold, value, raised_at,
            cleared_at, clear_value, acknowledged_by, acknowledged_at)
        VALUES (@Id, @RuleId, @Scope, @SubjectId, @Severity, @Metric, @Threshold, @Value, @RaisedAt, @ClearedAt, @ClearValue,
            @AcknowledgedBy, @AcknowledgedAt)
        """, new { alarm.Id, alarm.RuleId, Scope = alarm.Scope.ToString().ToLowerInvariant(), alarm.SubjectId,
            Severity = alarm.Severity.ToString().ToLowerInvariant(), alarm.Metric, alarm.Threshold, alarm.Value,
            RaisedAt = alarm.RaisedAt.ToString("O"), ClearedAt = alarm.ClearedAt?.ToString("O"), alarm.ClearValue, alarm.AcknowledgedBy,
            AcknowledgedAt = alarm.AcknowledgedAt?.ToString("O") }));

    /// <summary>Waits until everything queued so far is written (tests, shutdown).</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_writes.Writer.TryWrite(_ => done.TrySetResult())) done.TrySetResult();
        return done.Task;
    }

    private void Queue(Action<SqliteConnection> write)
    {
        if (!_writes.Writer.TryWrite(write)) Interlocked.Increment(ref _dropped);
    }

    private async Task WriteAsync()
    {
        await foreach (var write in _writes.Reader.ReadAllAsync())
        {
            try
            {
                using var connection = _connections.Open();
                write(connection);
            }
            catch (SqliteException)
            {
                Interlocked.Increment(ref _failed);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }
}
