using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// Background writing: with <see cref="StartBackgroundWriter"/>, Begin and Complete are queued and written by one
/// writer in batches (one transaction per batch), off the calls' queues — two synchronous SQLite writes per call were
/// 12% of the server's CPU under call load and delayed the BYE's handling. Reads (<see cref="Find"/>, <see cref="List"/>)
/// first wait for everything queued before them, so a record is readable as soon as the call has ended. A crash loses
/// at most what one <see cref="BatchWindow"/> gathered (50 ms by default); calls whose start row was written are closed
/// as ended by restart.
/// </summary>
public sealed partial class CdrStore : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private Channel<Work>? _queue;
    private Task? _writer;
    // Released by Flush and DisposeAsync: a waiting reader or a stop ends the batch window at once. Only a wake-up: what
    // skips the window is a flush marker still queued (counted) or the stop.
    private readonly SemaphoreSlim _urgent = new(0);
    private int _pendingFlushes;
    private volatile bool _stopping;

    /// <summary>
    /// How long the writer gathers records before it commits them (a full batch, a flush or a stop commits at once).
    /// Every commit appends the B-tree pages it touched to the WAL: committing each call as it ended wrote ≈ 10 KB of
    /// pages per call under load and made the CDR writer a seventh of the server's CPU. Set before
    /// <see cref="StartBackgroundWriter"/>; a crash can lose what the window holds.
    /// </summary>
    public TimeSpan BatchWindow
    {
        get => _batchWindow;
        init => _batchWindow = value >= TimeSpan.Zero && value <= MaxBatchWindow
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BatchWindow), value, $"Must be between zero and {MaxBatchWindow.TotalMinutes} minutes.");
    }

    private readonly TimeSpan _batchWindow = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest window accepted (tests hold a batch open on a clock that does not move).</summary>
    public static readonly TimeSpan MaxBatchWindow = TimeSpan.FromMinutes(10);

    /// <summary>Called on the writer's thread when a queued write fails (the batch's other writes still commit).</summary>
    public Action<Exception>? WriteFailed { get; set; }

    /// <summary>From now on Begin/Complete are queued and written in batches; call once, before calls start.</summary>
    public void StartBackgroundWriter()
    {
        if (_queue is not null) return;
        // Not SingleReader: that channel cannot count what it holds, and the batch window needs the count.
        _queue = Channel.CreateUnbounded<Work>();
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Waits until everything queued so far is committed (nothing to wait for without a background writer).</summary>
    public void Flush()
    {
        if (_queue is not { } queue) return;
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _pendingFlushes);
        if (!queue.Writer.TryWrite(new Work(null, flushed, null, null)))
        {
            Interlocked.Decrement(ref _pendingFlushes);
            return;
        }
        _urgent.Release();
        flushed.Task.Wait(TimeSpan.FromSeconds(30));
    }

    private bool TryQueue(Action<CdrStatements> write, string? begunId = null, string? completedId = null)
    {
        if (_queue is not { } queue || !queue.Writer.TryWrite(new Work(write, null, begunId, completedId))) return false;
        // A full batch need not wait out the window.
        if (queue.Reader.Count >= MaxBatch && _urgent.CurrentCount == 0) _urgent.Release();
        return true;
    }

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
                await GatherAsync(reader).ConfigureAwait(false);
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
                        if (queued.Flushed is { } waiter)
                        {
                            flushed.Add(waiter); // released even if the batch fails
                            Interlocked.Decrement(ref _pendingFlushes);
                        }
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
                    Interlocked.Increment(ref _committedBatches);
                }
                catch (Exception ex)
                {
                    // Whatever failed, the writer goes on (a dead writer would leave every later read waiting for it).
                    ReportFailure(ex);
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

    /// <summary>
    /// Waits out the batch window (on the store's clock) unless the batch is full already, a reader waits for it (a
    /// flush marker is queued) or the store is stopping.
    /// </summary>
    private async Task GatherAsync(ChannelReader<Work> reader)
    {
        if (BatchWindow > TimeSpan.Zero && !_stopping && reader.Count < MaxBatch && Volatile.Read(ref _pendingFlushes) == 0)
        {
            using var stop = new CancellationTokenSource();
            var urgent = _urgent.WaitAsync(stop.Token);
            var window = Task.Delay(BatchWindow, time, stop.Token);
            Interlocked.Increment(ref _windowsOpened);
            await Task.WhenAny(urgent, window).ConfigureAwait(false);
            stop.Cancel();
        }
        // Wake-ups are spent: a flush whose marker this batch does not reach is still counted, so the next round skips
        // the window for it.
        while (_urgent.CurrentCount > 0 && _urgent.Wait(0)) { }
    }

    /// <summary>Transactions the background writer has committed (tests: records gathered by the window share one).</summary>
    internal int CommittedBatches => Volatile.Read(ref _committedBatches);

    private int _committedBatches;

    /// <summary>Batch windows the writer has started waiting out (tests: the window's clock is running).</summary>
    internal int WindowsOpened => Volatile.Read(ref _windowsOpened);

    private int _windowsOpened;

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
        catch (Exception ex)
        {
            ReportFailure(ex);
            return false;
        }
    }

    private void ReportFailure(Exception ex)
    {
        try
        {
            WriteFailed?.Invoke(ex);
        }
        catch (Exception)
        {
            // A failing report must not stop the writer either.
        }
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_queue is not { } queue) return;
        _stopping = true;
        queue.Writer.TryComplete();
        _urgent.Release();
        if (_writer is { } writer) await writer.ConfigureAwait(false);
    }

    private readonly record struct Work(Action<CdrStatements>? Write, TaskCompletionSource? Flushed, string? BegunId, string? CompletedId);
}
