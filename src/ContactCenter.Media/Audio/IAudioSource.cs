namespace ContactCenter.Media.Audio;

/// <summary>
/// Something that produces audio one 20 ms frame at a time, pulled by the media clock: a tone, a WAV player, a
/// jitter buffer's decoded output, a mixer's mix for one participant. Must not block and must not allocate.
/// </summary>
public interface IAudioSource
{
    AudioFormat Format { get; }

    /// <summary>
    /// Fills <paramref name="frame"/> (exactly <see cref="AudioFormat.SamplesPerFrame"/> samples) and returns true; returns
    /// false when there is nothing to play this tick (silence, underrun, finished), leaving the frame unspecified.
    /// </summary>
    bool ReadFrame(Span<short> frame);
}
