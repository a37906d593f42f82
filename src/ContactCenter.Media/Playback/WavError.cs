namespace ContactCenter.Media.Playback;

/// <summary>Why a WAV file could not be loaded. <see cref="None"/> means it loaded.</summary>
public enum WavError
{
    None,

    /// <summary>No RIFF/WAVE header: not a WAV file.</summary>
    NotWave,

    /// <summary>The file ends inside a header or chunk, or before the data its data chunk declares.</summary>
    Truncated,

    /// <summary>No <c>fmt </c> chunk before the end of the file.</summary>
    MissingFormat,

    /// <summary>No <c>data</c> chunk.</summary>
    MissingData,

    /// <summary>The data chunk holds no complete sample.</summary>
    NoAudio,

    /// <summary>An encoding other than 16-bit PCM, 8-bit µ-law (format 7) or 8-bit A-law (format 6).</summary>
    UnsupportedEncoding,

    /// <summary>More than one channel.</summary>
    UnsupportedChannels,

    /// <summary>A sample rate other than 8000 or 16000 Hz.</summary>
    UnsupportedSampleRate,

    /// <summary>Larger than the caller's size limit.</summary>
    TooLarge,

    /// <summary>The file could not be opened or read (missing, no permission, I/O error).</summary>
    Unreadable,
}
