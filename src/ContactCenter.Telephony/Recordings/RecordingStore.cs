using System.Globalization;
using ContactCenter.Media.Recording;
using ContactCenter.Storage;
using Dapper;

namespace ContactCenter.Telephony.Recordings;

/// <summary>Recording metadata in the embedded store, retrievable by id or by call (SIP-08).</summary>
public sealed class RecordingStore(IDbConnectionFactory connections)
{
    public const string Module = "recordings";

    public static IReadOnlyList<Migration> Migrations { get; } =
        EmbeddedMigrations.FromAssembly(typeof(RecordingStore).Assembly, Module, "Recordings.Migrations");

    public void Started(string id, string callId, string path, DateTimeOffset startedAt)
    {
        using var connection = connections.Open();
        connection.Execute("""
            INSERT INTO recordings (id, call_id, path, status, started_at) VALUES (@id, @callId, @path, 'recording', @startedAt)
            """, new { id, callId, path, startedAt = Stamp(startedAt) });
    }

    public void Stopped(string id, RecordingMetadata metadata)
    {
        using var connection = connections.Open();
        connection.Execute("""
            UPDATE recordings SET status = @status, stopped_at = @stoppedAt, duration_seconds = @duration, paused_seconds = @paused,
                file_bytes = @bytes, channels = @channels, sample_rate = @rate, dropped_frames = @dropped, failure = @failure
            WHERE id = @id
            """, new
        {
            id,
            status = metadata.Failure is null ? "completed" : "failed",
            stoppedAt = Stamp(metadata.StoppedAt),
            duration = metadata.Duration.TotalSeconds,
            paused = metadata.Pauses.Sum(p => p.Skipped.TotalSeconds),
            bytes = metadata.FileBytes,
            channels = metadata.Format.Channels,
            rate = metadata.Format.SampleRate,
            dropped = metadata.DroppedFrames,
            failure = metadata.Failure?.Message,
        });
    }

    /// <summary>Rows a crash left "recording" become "interrupted" (their files are repaired by the media engine).</summary>
    public int CloseInterrupted()
    {
        using var connection = connections.Open();
        return connection.Execute("UPDATE recordings SET status = 'interrupted' WHERE status = 'recording'");
    }

    public RecordingRecord? Find(string id)
    {
        using var connection = connections.Open();
        var row = connection.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id });
        return row?.ToRecord();
    }

    public IReadOnlyList<RecordingRecord> ForCall(string callId)
    {
        using var connection = connections.Open();
        return connection.Query<Row>(Select + " WHERE call_id = @callId ORDER BY started_at", new { callId }).Select(r => r.ToRecord()).ToArray();
    }

    private const string Select = """
        SELECT id AS Id, call_id AS CallId, path AS Path, status AS Status, started_at AS StartedAt, stopped_at AS StoppedAt,
               duration_seconds AS DurationSeconds, paused_seconds AS PausedSeconds, file_bytes AS FileBytes, channels AS Channels,
               sample_rate AS SampleRate, dropped_frames AS DroppedFrames, failure AS Failure
        FROM recordings
        """;

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string CallId { get; set; } = "";
        public string Path { get; set; } = "";
        public string Status { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public string? StoppedAt { get; set; }
        public double? DurationSeconds { get; set; }
        public double? PausedSeconds { get; set; }
        public long? FileBytes { get; set; }
        public long? Channels { get; set; }
        public long? SampleRate { get; set; }
        public long? DroppedFrames { get; set; }
        public string? Failure { get; set; }

        public RecordingRecord ToRecord() => new()
        {
            Id = Id,
            CallId = CallId,
            Path = Path,
            Status = Status,
            StartedAt = DateTimeOffset.Parse(StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            StoppedAt = StoppedAt is null ? null : DateTimeOffset.Parse(StoppedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DurationSeconds = DurationSeconds,
            PausedSeconds = PausedSeconds,
            FileBytes = FileBytes,
            Channels = (int?)Channels,
            SampleRate = (int?)SampleRate,
            DroppedFrames = DroppedFrames,
            Failure = Failure,
        };
    }
}
