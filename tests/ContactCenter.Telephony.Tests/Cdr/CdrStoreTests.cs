using Dapper;
using ContactCenter.Storage;
using ContactCenter.Telephony.Cdr;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Telephony.Tests.Cdr;

public sealed class CdrStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("cc-cdr-").FullName;
    private readonly FakeTimeProvider _time = new(T0);
    private readonly SqliteConnectionFactory _connections;
    private readonly CdrStore _store;

    public CdrStoreTests()
    {
        _connections = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(_directory, "cc.db") });
        new MigrationRunner(_connections, _time).Apply(CdrStore.Migrations);
        _store = new CdrStore(_connections, _time);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Migrations_are_embedded_and_numbered()
    {
        Assert.Equal([(CdrStore.Module, 1, "create_cdr"), (CdrStore.Module, 2, "add_disposition"), (CdrStore.Module, 3, "cdr_without_rowid")],
            CdrStore.Migrations.Select(m => (m.Module, m.Version, m.Name)));
    }

    [Fact]
    public void Records_written_before_the_without_rowid_rebuild_keep_their_legs_and_cascade_after_it()
    {
        var directory = Path.Combine(_directory, "upgrade");
        Directory.CreateDirectory(directory);
        var connections = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(directory, "old.db") });
        var runner = new MigrationRunner(connections, _time);
        runner.Apply(CdrStore.Migrations.Take(2));
        var store = new CdrStore(connections, _time);
        store.Begin("old-open", CallDirection.Internal, "1001", "1002", T0);
        store.Complete(new CallDetailRecord
        {
            Id = "old-done", Direction = CallDirection.Inbound, Caller = "+5511999990000", Callee = "1001", Trunk = "carrier",
            StartedAt = T0, AnsweredAt = T0.AddSeconds(3), EndedAt = T0.AddSeconds(63), HangupCode = 200, HangupSide = HangupSide.Caller,
            Legs =
            [
                new LegDetailRecord(0, "caller", "+5511999990000", "a@x", "PCMA", T0, T0.AddSeconds(3), T0.AddSeconds(63), 3000, 2, 1.5, 4.3),
                new LegDetailRecord(1, "callee", "1001", "b@y", "PCMA", T0, T0.AddSeconds(3), T0.AddSeconds(63), 3000, 0, 0.5, 4.4),
            ],
        });
        store.SetDisposition("old-done", "sale");

        Assert.Single(runner.Apply(CdrStore.Migrations));

        using var connection = connections.Open();
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_0002'"));
        Assert.Contains("WITHOUT ROWID", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'cdr_calls'"));
        Assert.Contains("WITHOUT ROWID", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'cdr_legs'"));
        var done = store.Find("old-done")!;
        Assert.Equal(("sale", "carrier", 2), (done.Disposition, done.Trunk, done.Legs.Count));
        Assert.Equal([2L, 0L], done.Legs.Select(l => l.PacketsLost ?? -1));
        Assert.Equal(CdrStatus.InProgress, store.Find("old-open")!.Status);
        Assert.Equal(1, store.CloseInterrupted());
        Assert.Equal(2L, connection.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('cdr_calls_started_at', 'cdr_calls_status')"));
        Assert.Contains("WHERE status = 'in_progress'", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'cdr_calls_status'"));
        Assert.Throws<SqliteException>(() => connection.Execute(
            "INSERT INTO cdr_calls (id, status, direction, caller, callee, started_at) VALUES ('x', 'bogus', 'inbound', 'a', 'b', 't')"));

        // The legs still belong to their call: deleting it takes them along.
        connection.Execute("DELETE FROM cdr_calls WHERE id = 'old-done'");
        Assert.Equal(0L, connection.ExecuteScalar<long>("SELECT count(*) FROM cdr_legs"));
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_disposition_chosen_after_the_call_lands_in_its_completed_record(bool background)
    {
        await using var store = new CdrStore(_connections, _time);
        if (background) store.StartBackgroundWriter();
        store.Begin("acd-1", CallDirection.Inbound, "+5511999990000", "+551140001234", T0);
        store.Complete(new CallDetailRecord
        {
            Id = "acd-1", Direction = CallDirection.Inbound, Caller = "+5511999990000", Callee = "+551140001234", ServiceId = "sales",
            StartedAt = T0, AnsweredAt = T0.AddSeconds(5), EndedAt = T0.AddSeconds(65),
        });
        store.Begin("other", CallDirection.Internal, "1001", "1002", T0);

        store.SetDisposition("acd-1", "resolved");

        Assert.Equal("resolved", store.Find("acd-1")!.Disposition);
        Assert.Null(store.Find("other")!.Disposition);
        Assert.Equal("resolved", store.List(T0.AddMinutes(-1), T0.AddMinutes(1)).Single(r => r.Id == "acd-1").Disposition);
    }

    [Fact]
    public async Task With_the_background_writer_records_are_batched_and_readable_as_soon_as_written()
    {
        await using var store = new CdrStore(_connections, _time);
        store.StartBackgroundWriter();
        for (int i = 0; i < 300; i++)
        {
            store.Begin($"bg-{i}", CallDirection.Internal, "1001", "1002", T0.AddSeconds(i));
            if (i % 2 == 0)
                store.Complete(new CallDetailRecord
                {
                    Id = $"bg-{i}", Direction = CallDirection.Internal, Caller = "1001", Callee = "1002", StartedAt = T0.AddSeconds(i),
                    EndedAt = T0.AddSeconds(i + 1), HangupCode = 200, HangupSide = HangupSide.Caller,
                });
        }
        // A read waits for everything queued before it: the last Complete is visible at once.
        Assert.Equal(CdrStatus.Completed, store.Find("bg-298")!.Status);
        Assert.Equal(CdrStatus.InProgress, store.Find("bg-299")!.Status);
        Assert.Equal(300, store.List(T0, T0.AddHours(1), limit: 1000).Count);
        // A restart closes what never completed.
        Assert.Equal(150, store.CloseInterrupted());
    }

    [Fact]
    public async Task Records_queued_within_the_batch_window_are_committed_together_and_a_reader_ends_the_window()
    {
        // The window is on the store's clock, which does not move here: only the read's flush can end it, and it must,
        // with everything queued since in one transaction (one WAL append instead of one per call). The records trickle
        // in over real time after the writer is up and idle: without the window each would wake it for a commit.
        await using var store = new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromMinutes(5) };
        store.StartBackgroundWriter();
        store.Flush(); // opens the writer's connection: one (empty) batch
        int before = store.CommittedBatches;
        for (int i = 0; i < 100; i++)
        {
            store.Begin($"win-{i}", CallDirection.Internal, "1001", "1002", T0);
            if (i % 10 == 0) await Task.Delay(5);
        }

        var read = Task.Run(() => store.Find("win-99"));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(CdrStatus.InProgress, (await read)!.Status);
        Assert.Equal(before + 1, store.CommittedBatches);
    }

    [Fact]
    public async Task A_reader_behind_more_than_a_full_batch_does_not_wait_out_the_window()
    {
        // The flush's marker lands in a later batch than the one its wake-up ended the window for: that batch must not
        // wait the window again (here five minutes on a clock that does not move; the flush itself gives up after 30 s).
        await using var store = new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromMinutes(5) };
        store.StartBackgroundWriter();
        for (int i = 0; i < 1_200; i++) store.Begin($"many-{i}", CallDirection.Internal, "1001", "1002", T0);

        var read = Task.Run(() => store.Find("many-1199"));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(15))));
        Assert.NotNull(await read);
        // 500 + 500 + 200; a fourth when the writer looks between the flush's count and its marker.
        Assert.InRange(store.CommittedBatches, 3, 4);
    }

    [Fact]
    public async Task Records_nobody_reads_are_committed_when_the_batch_window_ends()
    {
        await using var store = new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromSeconds(1) };
        store.StartBackgroundWriter();
        store.Begin("late-1", CallDirection.Internal, "1001", "1002", T0);

        // Without a reader the row appears only once the window has passed on the store's clock, not before.
        using var connection = _connections.Open();
        long Rows() => connection.ExecuteScalar<long>("SELECT count(*) FROM cdr_calls WHERE id = 'late-1'");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (store.WindowsOpened == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(1, store.WindowsOpened);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(200);
        Assert.Equal(0, store.CommittedBatches);
        Assert.Equal(0, Rows());

        _time.Advance(TimeSpan.FromMilliseconds(1));
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (store.CommittedBatches == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(1, store.CommittedBatches);
        Assert.Equal(1, Rows());
    }

    [Fact]
    public async Task Stopping_the_store_commits_what_the_open_window_holds_at_once()
    {
        var store = new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromMinutes(5) };
        store.StartBackgroundWriter();
        store.Begin("stop-1", CallDirection.Internal, "1001", "1002", T0);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (store.WindowsOpened == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(1, store.WindowsOpened); // the writer holds the record in a five-minute window

        var stop = store.DisposeAsync().AsTask();
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(CdrStatus.InProgress, new CdrStore(_connections, _time).Find("stop-1")!.Status);
    }

    [Fact]
    public void A_batch_window_outside_zero_to_ten_minutes_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromMilliseconds(-1) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CdrStore(_connections, _time) { BatchWindow = TimeSpan.FromDays(60) });
        Assert.Equal(TimeSpan.Zero, new CdrStore(_connections, _time) { BatchWindow = TimeSpan.Zero }.BatchWindow);
    }

    [Fact]
    public async Task A_write_that_throws_an_unexpected_exception_is_reported_and_the_writer_goes_on()
    {
        await using var store = new CdrStore(_connections, _time) { BatchWindow = TimeSpan.Zero };
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        store.WriteFailed = ex => { failures.Enqueue(ex); throw new InvalidOperationException("the reporter fails too"); };
        store.StartBackgroundWriter();
        store.Complete(new CallDetailRecord
        {
            Id = "bug-1", Direction = CallDirection.Internal, Caller = "1001", Callee = "1002", StartedAt = T0,
            EndedAt = T0.AddSeconds(1), Legs = [null!], // a bug upstream: a null leg throws NullReferenceException
        });
        store.Begin("after-bug", CallDirection.Internal, "1001", "1002", T0);

        var read = Task.Run(() => store.Find("after-bug"));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.NotNull(await read);
        Assert.Contains(failures, ex => ex is NullReferenceException);
    }

    [Fact]
    public async Task A_call_whose_completed_record_fails_to_write_keeps_its_start_row_even_when_both_share_a_batch()
    {
        // Begin and Complete of one call in one batch skip the start row; if the completed record then fails (here a
        // NOT NULL column), the start row is written after all, so the call is never lost.
        await using var store = new CdrStore(_connections, _time);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        store.WriteFailed = failures.Enqueue;
        store.StartBackgroundWriter();
        for (int i = 0; i < 50; i++)
        {
            store.Begin($"broken-{i}", CallDirection.Internal, "1001", "1002", T0);
            store.Complete(new CallDetailRecord
            {
                Id = $"broken-{i}", Direction = CallDirection.Internal, Caller = null!, Callee = "1002", StartedAt = T0,
                EndedAt = T0.AddSeconds(1), HangupCode = 200, HangupSide = HangupSide.Caller,
            });
        }
        store.Flush();
        for (int i = 0; i < 50; i++) Assert.Equal(CdrStatus.InProgress, store.Find($"broken-{i}")!.Status);
        Assert.Equal(50, failures.Count);
    }

    [Fact]
    public async Task A_call_completed_twice_keeps_the_legs_of_its_last_record_whether_or_not_one_batch_holds_it_all()
    {
        // Under load a call's start and end share a batch and its legs are inserted without deleting older ones (there
        // are none); a second completion in the same batch must still replace the first one's legs.
        await using var store = new CdrStore(_connections, _time);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        store.WriteFailed = failures.Enqueue;
        store.StartBackgroundWriter();
        for (int i = 0; i < 200; i++)
        {
            store.Begin($"twice-{i}", CallDirection.Internal, "1001", "1002", T0);
            foreach (var party in new[] { "first", "second" })
            {
                store.Complete(new CallDetailRecord
                {
                    Id = $"twice-{i}", Direction = CallDirection.Internal, Caller = "1001", Callee = "1002", StartedAt = T0,
                    EndedAt = T0.AddSeconds(1), HangupCode = 200, HangupSide = HangupSide.Caller,
                    Legs =
                    [
                        new LegDetailRecord(0, "caller", party, null, "PCMU", T0, T0, T0.AddSeconds(1), 50, 0, 0, 4.4),
                        new LegDetailRecord(1, "callee", party, null, "PCMU", T0, T0, T0.AddSeconds(1), 50, 0, 0, 4.4),
                    ],
                });
            }
        }

        store.Flush();
        Assert.Empty(failures);
        for (int i = 0; i < 200; i++)
        {
            var found = store.Find($"twice-{i}")!;
            Assert.Equal(CdrStatus.Completed, found.Status);
            Assert.Equal(["second", "second"], found.Legs.Select(l => l.Party));
        }
    }

    [Fact]
    public async Task The_background_writers_connection_does_not_go_back_to_the_pool_without_foreign_keys()
    {
        // The writer turns foreign keys off on its own connection; pooled connections are configured once, so that
        // connection must be closed for good, not handed to the next user (CTI, ACD) without the check and its cascades.
        var store = new CdrStore(_connections, _time);
        store.StartBackgroundWriter();
        store.Begin("fk-1", CallDirection.Internal, "1001", "1002", T0);
        store.Flush();
        await store.DisposeAsync();

        for (int i = 0; i < 4; i++)
        {
            using var connection = _connections.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, command.ExecuteScalar());
        }
    }

    [Fact]
    public void Times_are_stored_as_utc_with_seven_fraction_digits_whatever_the_offset()
    {
        // The stored form sorts as text and is what the queries compare against: it must not drift with formatting changes.
        var local = new DateTimeOffset(2026, 12, 7, 11, 0, 0, 123, TimeSpan.FromHours(-3)).AddTicks(4567);
        Assert.Equal("2026-12-07T14:00:00.1234567Z", CdrStore.Stamp(local));
        Assert.Equal("0001-01-01T00:00:00.0000000Z", CdrStore.Stamp(DateTimeOffset.MinValue));
        Assert.Null(CdrStore.Stamp((DateTimeOffset?)null));
    }

    [Fact]
    public void A_completed_call_round_trips_with_its_legs_and_durations()
    {
        _store.Begin("call-1", CallDirection.Inbound, "+5511999990000", "4000", T0, trunk: "carrier-a", did: "4000");
        var record = new CallDetailRecord
        {
            Id = "call-1",
            Direction = CallDirection.Inbound,
            Caller = "+5511999990000",
            Callee = "4000",
            Trunk = "carrier-a",
            Did = "4000",
            ServiceId = "sales",
            AnsweredBy = "1001",
            StartedAt = T0,
            RingingAt = T0.AddSeconds(1),
            AnsweredAt = T0.AddSeconds(6),
            EndedAt = T0.AddSeconds(96),
            HoldTime = TimeSpan.FromSeconds(20),
            HangupCode = 200,
            HangupReason = "BYE",
            HangupSide = HangupSide.Caller,
            RecordingIds = ["rec-1", "rec-2"],
            Legs =
            [
                new LegDetailRecord(0, "caller", "+5511999990000", "abc@carrier", "PCMA", T0, T0.AddSeconds(6), T0.AddSeconds(96), 4500, 3, 4.5, 4.3),
                new LegDetailRecord(1, "agent", "1001", "def@pbx", "G722", T0.AddSeconds(1), T0.AddSeconds(6), T0.AddSeconds(96), 4499, 0, 1.2, 4.4),
            ],
        };
        _store.Complete(record);

        var found = _store.Find("call-1")!;
        Assert.Equal(CdrStatus.Completed, found.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), found.RingTime);
        Assert.Equal(TimeSpan.FromSeconds(90), found.TalkTime);
        Assert.Equal(TimeSpan.FromSeconds(20), found.HoldTime);
        Assert.Equal(HangupSide.Caller, found.HangupSide);
        Assert.Equal(["rec-1", "rec-2"], found.RecordingIds);
        Assert.Equal(2, found.Legs.Count);
        Assert.Equal(record.Legs[1], found.Legs[1]);
        Assert.Equal(record with { Legs = found.Legs, RecordingIds = found.RecordingIds }, found);
    }

    [Fact]
    public void Calls_left_in_progress_by_a_crash_are_closed_as_ended_by_restart()
    {
        _store.Begin("alive-when-crashed", CallDirection.Internal, "1001", "1002", T0);
        _store.Begin("finished", CallDirection.Internal, "1001", "1003", T0);
        _store.Complete(new CallDetailRecord
        {
            Id = "finished", Direction = CallDirection.Internal, Caller = "1001", Callee = "1003", StartedAt = T0, EndedAt = T0.AddSeconds(3),
        });
        _time.Advance(TimeSpan.FromMinutes(5));

        var restarted = new CdrStore(_connections, _time);
        Assert.Equal(1, restarted.CloseInterrupted());
        var closed = restarted.Find("alive-when-crashed")!;
        Assert.Equal(CdrStatus.EndedByRestart, closed.Status);
        Assert.Equal(HangupSide.System, closed.HangupSide);
        Assert.Equal(T0.AddMinutes(5), closed.EndedAt);
        Assert.Equal(CdrStatus.Completed, restarted.Find("finished")!.Status);
        Assert.Equal(0, restarted.CloseInterrupted());
    }

    [Fact]
    public void Unanswered_call_rings_until_it_ends_and_has_no_talk_time()
    {
        _store.Complete(new CallDetailRecord
        {
            Id = "missed", Direction = CallDirection.Inbound, Caller = "a", Callee = "b", StartedAt = T0,
            RingingAt = T0, EndedAt = T0.AddSeconds(30), HangupCode = 487, HangupSide = HangupSide.Caller,
        });
        var found = _store.Find("missed")!;
        Assert.Equal(TimeSpan.FromSeconds(30), found.RingTime);
        Assert.Null(found.TalkTime);
    }

    [Fact]
    public void Listing_filters_by_start_time_newest_first()
    {
        for (int i = 0; i < 5; i++)
            _store.Complete(new CallDetailRecord
            {
                Id = $"c{i}", Direction = CallDirection.Internal, Caller = "1", Callee = "2", StartedAt = T0.AddMinutes(i),
                EndedAt = T0.AddMinutes(i).AddSeconds(10),
            });
        var page = _store.List(T0.AddMinutes(1), T0.AddMinutes(4));
        Assert.Equal(["c3", "c2", "c1"], page.Select(c => c.Id));
        Assert.Single(_store.List(T0, T0.AddHours(1), limit: 1));
    }

    [Fact]
    public void Unknown_call_is_null()
    {
        Assert.Null(_store.Find("nope"));
    }
}
