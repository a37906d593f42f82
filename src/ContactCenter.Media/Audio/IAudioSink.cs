namespace ContactCenter.Media.Audio;

/// <summary>Something that consumes 20 ms frames pushed by the media clock (a recorder channel, a mixer input). Never blocks.</summary>
public interface IAudioSink
{
    AudioFormat Format { get; }

    /// <summary>One frame of <see cref="AudioFormat.SamplesPerFrame"/> samples; <paramref name="silent"/> when nothing was heard this tick.</summary>
    void WriteFrame(ReadOnlySpan<short> frame, bool silent);
}
