namespace ContactCenter.Media.Playback;

/// <summary>The sample encodings the WAV reader accepts.</summary>
public enum WavEncoding
{
    /// <summary>Linear 16-bit little-endian (format tag 1, or 0xFFFE with the PCM sub-format).</summary>
    Pcm16 = 1,

    /// <summary>ITU-T G.711 A-law, 8 bits (format tag 6).</summary>
    ALaw = 6,

    /// <summary>ITU-T G.711 µ-law, 8 bits (format tag 7).</summary>
    MuLaw = 7,
}
