using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage.Tests;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cc-storage-").FullName;
    private readonly SqliteConnectionFactory _connections;
    private readonly MigrationRunner _runner;

    public MigrationRunnerTests()
    {
        _connections = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(_directory, "db", "cc.db") });
        _runner = new MigrationRunner(_connections, TimeProvider.System);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static Migration M(int version, string sql, string module = "cdr") => new(module, version, $"step{version}", sql);

    [Fact]
    public void Applies_in_version_order_once_and_records_each()
    {
        var migrations = new[]
        {
            M(2, "ALTER TABLE t ADD COLUMN b TEXT;"),
            M(1, "CREATE TABLE t (a INTEGER PRIMARY KEY);"),
        };
        var first = _runner.Apply(migrations);
        Assert.Equal([1, 2], first.Select(m => m.Version));
        Assert.Empty(_runner.Apply(migrations));

        using var c = _connections.Open();
        c.Execute("INSERT INTO t (a, b) VALUES (1, 'x')");
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations WHERE module = 'cdr'"));
    }

    [Fact]
    public void A_new_migration_is_applied_on_the_next_start()
    {
        _runner.Apply([M(1, "CREATE TABLE t (a INTEGER);")]);
        var applied = _runner.Apply([M(1, "CREATE TABLE t (a INTEGER);"), M(2, "CREATE TABLE u (b INTEGER);")]);
        Assert.Equal(2, Assert.Single(applied).Version);
    }

    [Fact]
    public void An_edited_applied_migration_stops_start_with_a_clear_message()
    {
        _runner.Apply([M(1, "CREATE TABLE t (a INTEGER);")]);
        var ex = Assert.Throws<MigrationException>(() => _runner.Apply([M(1, "CREATE TABLE t (a INTEGER, b TEXT);")]));
        Assert.Contains("changed after it was applied", ex.Message);
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused()
    {
        _runner.Apply([M(1, "CREATE TABLE t (a INTEGER);"), M(2, "CREATE TABLE u (a INTEGER);")]);
        var ex = Assert.Throws<MigrationException>(() => _runner.Apply([M(1, "CREATE TABLE t (a INTEGER);")]));
        Assert.Contains("newer version", ex.Message);
    }

    [Fact]
    public void A_failing_migration_rolls_back_and_names_itself()
    {
        var ex = Assert.Throws<MigrationException>(() => _runner.Apply([
            M(1, "CREATE TABLE t (a INTEGER);"),
            M(2, "CREATE TABLE u (a INTEGER); INSERT INTO nowhere VALUES (1);"),
        ]));
        Assert.Contains("cdr 0002 step2", ex.Message);
        using var c = _connections.Open();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'u'"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public void Duplicate_versions_are_rejected_before_touching_the_database()
    {
        Assert.Throws<MigrationException>(() => _runner.Apply([M(1, "SELECT 1;"), M(1, "SELECT 2;")]));
    }

    [Fact]
    public void Modules_are_versioned_independently()
    {
        var applied = _runner.Apply([M(1, "CREATE TABLE a1 (x INTEGER);", "acd"), M(1, "CREATE TABLE c1 (x INTEGER);", "cdr")]);
        Assert.Equal(2, applied.Count);
    }

    [Fact]
    public void The_store_runs_in_wal_mode_with_foreign_keys()
    {
        using var c = _connections.Open();
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode;"));
        Assert.Equal(1, c.ExecuteScalar<long>("PRAGMA foreign_keys;"));
    }

    [Fact]
    public async Task Concurrent_writers_queue_on_the_busy_timeout_instead_of_failing()
    {
        _runner.Apply([M(1, "CREATE TABLE n (v INTEGER);")]);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                using var c = _connections.Open();
                using var tx = c.BeginTransaction();
                c.Execute("INSERT INTO n (v) VALUES (@v)", new { v = w * 1000 + i }, tx);
                tx.Commit();
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60));
        using var check = _connections.Open();
        Assert.Equal(200, check.ExecuteScalar<long>("SELECT COUNT(*) FROM n"));
    }
}
