namespace ContactCenter.Telephony.Recordings;

/// <summary>A call recording as stored: where the file is (relative to the recordings directory) and what it holds.</summary>
public sealed record RecordingRecord
{
    public required string Id { get; init; }
    public required string CallId { get; init; }

    /// <summary>Relative to the recordings directory: <c>yyyy/MM/dd/&lt;id&gt;.wav</c>.</summary>
    public required string Path { get; init; }

    /// <summary>recording, completed, failed or interrupted (the server stopped while it recorded).</summary>
    public required string Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public double? DurationSeconds { get; init; }
    public double? PausedSeconds { get; init; }
    public long? FileBytes { get; init; }
    public int? Channels { get; init; }
    public int? SampleRate { get; init; }
    public long? DroppedFrames { get; init; }
    public string? Failure { get; init; }
}
