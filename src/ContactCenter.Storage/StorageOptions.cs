namespace ContactCenter.Storage;

/// <summary>Where the embedded database lives and how long a writer waits for another.</summary>
public sealed record StorageOptions
{
    /// <summary>The SQLite file, e.g. <c>data/contactcenter.db</c>.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>How long a connection waits on a locked database before failing (SQLite busy_timeout).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
