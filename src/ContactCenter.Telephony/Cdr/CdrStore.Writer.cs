using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// Background writing: with <see cref="StartBackgroundWriter"/>, Begin and Complete are queued and written by one
/// writer in batches (one transaction per batch), off the calls' queues — two synchronous SQLite writes per call were
/// 12% of the server's CPU under call load and delayed the BYE's handling. Reads (<see cref="Find"/>, <see cref="List"/>)
/// first wait for everything queued before them, so a record is readable as soon as the call has ended. A crash loses
/// at most the batch being written (milliseconds); calls whose start row was written are closed as ended by restart.
/// </summary>
public sealed partial class CdrStore : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private Channel<Work>? _queue;
    private Task? _writer;

    /// <summary>Called on the writer's thread when a queued write fails (the batch's other writes still commit).</summary>
    public Action<Exception>? WriteFailed { get; set; }

    /// <summary>From now on Begin/Complete are queued and written in batches; call once, before calls start.</summary>
    public void StartBackgroundWriter()
    {
        if (_queue is not null) return;
        _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Waits until everything queued so far is committed (nothing to wait for without a background writer).</summary>
    public void Flush()
    {
        if (_queue is not { } queue) return;
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Work(null, flushed, null, null))) return;
        flushed.Task.Wait(TimeSpan.FromSeconds(30));
    }

    private bool TryQueue(Action<CdrStatements> write, string? begunId = null, string? completedId = null) =>
        _queue is { } queue && queue.Writer.TryWrite(new Work(write, null, begunId, completedId));

    private async Task WriteLoopAsync()
    {
        var reader = _queue!.Reader;
        var flushed = new List<TaskCompletionSource>();
        var batch = new List<Work>(MaxBatch);
        var completed = new HashSet<string>(StringComparer.Ordinal);
        var begun = new HashSet<string>(StringComparer.Ordinal);
        // One connection and one set of prepared statements for the writer's life (a new set per batch re-prepared every
        // statement when batches are small, which they are below saturation); both are made again after a failure.
        SqliteConnection? connection = null;
        CdrStatements? statements = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                try
                {
                    if (connection is null)
                    {
                        connection = connections.Open();
                        // Legs are inserted right after their call's row, in the same transaction: checking the
                        // reference on every leg was a B-tree search each for nothing. Other connections keep the check.
                        using var pragma = connection.CreateCommand();
                        pragma.CommandText = "PRAGMA foreign_keys=OFF;";
                        pragma.ExecuteNonQuery();
                    }

                    statements ??= new CdrStatements(connection, null);
                    using var transaction = connection.BeginTransaction();
                    statements.Transaction = transaction;
                    batch.Clear();
                    completed.Clear();
                    begun.Clear();
                    while (batch.Count < MaxBatch && reader.TryRead(out var queued))
                    {
                        batch.Add(queued);
                        if (queued.CompletedId is { } id) completed.Add(id);
                        if (queued.BegunId is { } started) begun.Add(started);
                        if (queued.Flushed is { } waiter) flushed.Add(waiter); // released even if the batch fails
                    }
                    HashSet<string>? failedCompletions = null;
                    foreach (var work in batch)
                    {
                        // A call that began and ended within this batch: its in-progress row would never be visible
                        // (same transaction), so the completed record is simply inserted. Short calls under load
                        // save a statement each.
                        if (work.BegunId is { } started && completed.Contains(started)) continue;
                        // ... and has no legs to delete first: no row of it exists outside this batch (unless completed
                        // twice in it).
                        statements.CallRowIsNew = work.CompletedId is { } finished && begun.Remove(finished);
                        if (!TryWrite(work, statements) && work.CompletedId is { } failed) (failedCompletions ??= []).Add(failed);
                        statements.CallRowIsNew = false;
                    }
                    // A completed record that failed to write gets its skipped start row after all: the call is not
                    // lost (the next start closes it as ended by restart).
                    if (failedCompletions is not null)
                        foreach (var work in batch)
                            if (work.BegunId is { } started && failedCompletions.Contains(started)) TryWrite(work, statements);
                    transaction.Commit();
                    statements.Transaction = null;
                }
                catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
                {
                    WriteFailed?.Invoke(ex);
                    statements?.Dispose();
                    statements = null;
                    CloseWriterConnection(connection);
                    connection = null;
                }
                foreach (var waiter in flushed) waiter.TrySetResult();
                flushed.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
            CloseWriterConnection(connection);
        }
    }

    // Closed for good, not returned to the pool: it runs with foreign keys off, and the factory configures a pooled
    // connection only the first time it opens it, so the next user would inherit that.
    private static void CloseWriterConnection(SqliteConnection? connection)
    {
        if (connection is null) return;
        SqliteConnection.ClearPool(connection);
        connection.Dispose();
    }

    private bool TryWrite(Work work, CdrStatements statements)
    {
        if (work.Write is not { } write) return true;
        try
        {
            write(statements);
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            WriteFailed?.Invoke(ex);
            return false;
        }
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue is not { } queue) return;
        queue.Writer.TryComplete();
        if (_writer is { } writer) await writer.ConfigureAwait(false);
    }

    private readonly record struct Work(Action<CdrStatements>? Write, TaskCompletionSource? Flushed, string? BegunId, string? CompletedId);
}
