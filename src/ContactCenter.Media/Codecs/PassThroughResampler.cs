namespace ContactCenter.Media.Codecs;

/// <summary>The resampler for equal rates: copies samples. Stateless and shareable.</summary>
public sealed class PassThroughResampler : IAudioResampler
{
    /// <summary>Creates a copier for streams at <paramref name="rate"/>.</summary>
    public PassThroughResampler(int rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        InputRate = rate;
    }

    /// <inheritdoc />
    public int InputRate { get; }

    /// <inheritdoc />
    public int OutputRate => InputRate;

    /// <inheritdoc />
    public int DelaySamples => 0;

    /// <inheritdoc />
    public int GetOutputLength(int inputLength) => inputLength;

    /// <inheritdoc />
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (!input.TryCopyTo(output))
        {
            return CodecResult.DestinationTooSmall;
        }

        return input.Length;
    }

    /// <inheritdoc />
    public void Reset()
    {
    }
}
