namespace ContactCenter.Media.Recording;

/// <summary>How samples are stored in the WAV data chunk.</summary>
public enum RecordingEncoding
{
    /// <summary>Linear 16-bit little-endian PCM (WAVE format tag 1).</summary>
    Pcm16,

    /// <summary>G.711 µ-law, one byte per sample (WAVE format tag 7, with a <c>fact</c> chunk).</summary>
    MuLaw,

    /// <summary>G.711 A-law, one byte per sample (WAVE format tag 6, with a <c>fact</c> chunk).</summary>
    ALaw,
}
