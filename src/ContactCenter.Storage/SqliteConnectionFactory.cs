using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), foreign keys on, a busy timeout
/// so concurrent writers queue instead of failing. Connections are pooled by Microsoft.Data.Sqlite.
/// </summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    public SqliteConnectionFactory(StorageOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (directory != null) Directory.CreateDirectory(directory);
        _busyTimeoutMs = (int)options.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)options.BusyTimeout.TotalSeconds),
        }.ToString();
        using var connection = Open();
        // WAL is a property of the file and persists; synchronous=NORMAL is safe with WAL (a crash loses at most the
        // last transactions, never corrupts) and much faster than FULL.
        connection.Execute("PRAGMA journal_mode=WAL;");
        DatabasePath = options.DatabasePath;
    }

    public string DatabasePath { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Pooled connections keep their settings: set them once per physical connection, not on every Open (a CDR
        // write per call start and end made these three statements a visible share of the call path).
        if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
        {
            connection.Execute($"PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={_busyTimeoutMs};");
            _configured.AddOrUpdate(handle, Configured);
        }
        return connection;
    }

    private static readonly object Configured = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
}
