namespace ContactCenter.Media.Codecs;

/// <summary>
/// Converts a stream of linear PCM from one sampling rate to another, keeping the filter state
/// between calls so consecutive frames join without clicks. One instance per stream and direction.
/// </summary>
public interface IAudioResampler
{
    /// <summary>The sampling rate of the samples given to <see cref="Process"/>.</summary>
    int InputRate { get; }

    /// <summary>The sampling rate of the samples <see cref="Process"/> writes.</summary>
    int OutputRate { get; }

    /// <summary>How far the output lags the input, in output samples (the filter's group delay).</summary>
    int DelaySamples { get; }

    /// <summary>
    /// The exact number of samples the next <see cref="Process"/> call writes for
    /// <paramref name="inputLength"/> input samples (a decimator holds back an odd sample).
    /// </summary>
    int GetOutputLength(int inputLength);

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>.</summary>
    /// <returns>
    /// The number of samples written, or <see cref="CodecResult.DestinationTooSmall"/> (nothing
    /// consumed, state unchanged) when <paramref name="output"/> is shorter than <see cref="GetOutputLength"/>.
    /// </returns>
    int Process(ReadOnlySpan<short> input, Span<short> output);

    /// <summary>Forgets the filter history (a new stream).</summary>
    void Reset();
}
