namespace ContactCenter.Media.Recording;

/// <summary>One recording to start with <see cref="Recorder.Start"/>.</summary>
public sealed record RecordingOptions
{
    /// <summary>The WAV file to create (directories are created; an existing file is an error, never overwritten).</summary>
    public required string Path { get; init; }

    public RecordingFormat Format { get; init; } = RecordingFormat.StereoPcm16Narrowband;

    /// <summary>
    /// Parties mixed into a <see cref="RecordingLayout.Mono"/> file (1–16). A stereo file always has
    /// <see cref="RecordingFormat.StereoParties"/>.
    /// </summary>
    public int MonoParties { get; init; } = 2;

    /// <summary>
    /// Audio time between header refreshes (RIFF and data sizes rewritten, buffers handed to the OS): what a crash
    /// can leave unaccounted before <see cref="RecordingRepair"/> runs. Rounded to whole 20 ms frames, at least one.
    /// Default 5 s (the file stream's own buffer still reaches the OS whenever it fills, about every second).
    /// </summary>
    public TimeSpan HeaderRefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Frames (20 ms each) queued between the media clock and the writer thread. When the disk falls this far
    /// behind, new frames are dropped and counted instead of blocking the clock. Default 100 (2 s).
    /// </summary>
    public int QueueFrames { get; init; } = DefaultQueueFrames;

    /// <summary>The default <see cref="QueueFrames"/> (2 s). A recording filled on arrival keeps 64 ticks (1.28 s) per party unless given more than this.</summary>
    public const int DefaultQueueFrames = 100;

    /// <summary>
    /// Frames a recording queues before it wakes the writer thread (default 5 = 100 ms). Waking a thread costs a system
    /// call; batching spreads it over several ticks. Stop always wakes the writer, so nothing is left behind.
    /// </summary>
    public int WriterBatchFrames { get; init; } = 5;

    internal int Parties => Format.Layout == RecordingLayout.Stereo ? RecordingFormat.StereoParties : MonoParties;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        Format.Validate();
        if (MonoParties is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(MonoParties), MonoParties, "A mono recording mixes 1 to 16 parties.");
        }

        if (HeaderRefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HeaderRefreshInterval), HeaderRefreshInterval, "Must be positive.");
        }

        if (QueueFrames is < 2 or > 3000)
        {
            throw new ArgumentOutOfRangeException(nameof(QueueFrames), QueueFrames, "Queue 2 to 3000 frames (40 ms to 60 s).");
        }

        if (WriterBatchFrames < 1 || WriterBatchFrames > QueueFrames / 2)
        {
            throw new ArgumentOutOfRangeException(nameof(WriterBatchFrames), WriterBatchFrames, "Between 1 and half of QueueFrames.");
        }
    }
}
