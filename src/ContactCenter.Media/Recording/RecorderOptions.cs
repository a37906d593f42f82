namespace ContactCenter.Media.Recording;

/// <summary>Settings shared by every recording of one <see cref="Recorder"/>.</summary>
public sealed record RecorderOptions
{
    /// <summary>Wall-clock source for start, stop and pause times.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>FileStream buffer per open recording (bytes). Larger means fewer writes to the OS.</summary>
    public int FileBufferSize { get; init; } = 16 * 1024;

    /// <summary>Opens the stream for a new file; tests swap in slow or crashing streams. Must be seekable.</summary>
    internal Func<string, int, Stream> OpenStream { get; init; } = OpenFile;

    private static Stream OpenFile(string path, int bufferSize) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize);
}
