namespace ContactCenter.Media.Codecs;

/// <summary>
/// Doubles the sampling rate (8 kHz → 16 kHz for transcoding narrowband to wideband): insert a zero
/// after every sample and low-pass with the half-band filter at twice the gain, computed as two
/// polyphase branches. Stateful per stream; allocates only when built.
/// </summary>
public sealed class HalfBandInterpolator : IAudioResampler
{
    private const int ChunkSize = 320;

    // The polyphase branch reads the 2K newest input samples.
    private const int Span = 2 * HalfBandFilter.PairCount;
    private const int History = Span - 1;

    private readonly float[] _window = new float[History + ChunkSize];

    /// <summary>Creates an interpolator from <paramref name="inputRate"/> to twice it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive.</exception>
    public HalfBandInterpolator(int inputRate = 8000)
    {
        if (inputRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), inputRate, "The input rate must be positive.");
        }

        InputRate = inputRate;
    }

    /// <inheritdoc />
    public int InputRate { get; }

    /// <inheritdoc />
    public int OutputRate => InputRate * 2;

    /// <summary>31 output samples (about 1.9 ms at 16 kHz).</summary>
    public int DelaySamples => HalfBandFilter.Centre;

    /// <inheritdoc />
    public int GetOutputLength(int inputLength) => inputLength * 2;

    /// <inheritdoc />
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < GetOutputLength(input.Length))
        {
            return CodecResult.DestinationTooSmall;
        }

        ReadOnlySpan<float> taps = HalfBandFilter.PairTaps;
        const int K = HalfBandFilter.PairCount;
        int produced = 0;
        while (!input.IsEmpty)
        {
            int take = Math.Min(input.Length, ChunkSize);
            for (int i = 0; i < take; i++)
            {
                _window[History + i] = input[i];
            }

            input = input[take..];
            for (int m = 0; m < take; m++)
            {
                ReadOnlySpan<float> window = _window.AsSpan(m, Span);

                // Even output: the zero-stuffed taps fall on the odd-offset coefficients.
                float sum = 0;
                for (int t = 0; t < K; t++)
                {
                    sum += taps[t] * (window[K - 1 - t] + window[K + t]);
                }

                output[produced++] = HalfBandDecimator.ToSample(2 * sum);

                // Odd output: only the centre tap (½, doubled) meets a real sample: a pure delay.
                output[produced++] = HalfBandDecimator.ToSample(window[K]);
            }

            _window.AsSpan(take, History).CopyTo(_window);
        }

        return produced;
    }

    /// <inheritdoc />
    public void Reset() => Array.Clear(_window);
}
