namespace ContactCenter.Media.Recording;

/// <summary>Settings shared by every recording of one <see cref="Recorder"/>.</summary>
public sealed record RecorderOptions
{
    /// <summary>Wall-clock source for start, stop and pause times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>FileStream buffer per open recording (bytes). Larger means fewer writes to the OS.</summary>
    public int FileBufferSize { get; init; } = 16 * 1024;

    /// <summary>
    /// The least time between two wake-ups of the writer thread (default 100 ms, five frames): frames arriving meanwhile
    /// wait in their recordings' queues (two seconds deep by default) and go in the next round. With hundreds of calls
    /// recorded some recording has a batch ready every tick; waking the writer for each cost more in thread switches than
    /// the writes did. Zero wakes it for every signal (tests that await each batch).
    /// </summary>
    public TimeSpan MinimumWakeInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Opens the stream for a new file; tests swap in slow or crashing streams. Must be seekable.</summary>
    internal Func<string, int, Stream> OpenStream { get; init; } = OpenFile;

    private static Stream OpenFile(string path, int bufferSize) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize);
}
