using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// Halves the sampling rate (16 kHz → 8 kHz for transcoding wideband to narrowband): low-pass with
/// the half-band filter, then keep every other sample. Stateful per stream; allocates only when built.
/// </summary>
public sealed class HalfBandDecimator : IAudioResampler
{
    private const int ChunkSize = 640;
    private const int History = HalfBandFilter.Length - 1;

    // Starting one zero short of a full history makes each output complete on the odd sample of a
    // pair: the filter centre then lands on an even input sample and the delay is a whole 15
    // output samples, while every even-sized input yields exactly half as many outputs.
    private const int Primed = History - 1;

    // Input samples not yet consumed: the filter history, then at most one held-back odd sample.
    private readonly float[] _window = new float[History + ChunkSize];
    private int _filled = Primed;

    /// <summary>Creates a decimator from <paramref name="inputRate"/> to half of it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not a positive even number.</exception>
    public HalfBandDecimator(int inputRate = 16000)
    {
        if (inputRate <= 0 || (inputRate & 1) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), inputRate, "The input rate must be a positive even number of samples per second.");
        }

        InputRate = inputRate;
    }

    /// <inheritdoc />
    public int InputRate { get; }

    /// <inheritdoc />
    public int OutputRate => InputRate / 2;

    /// <summary>15 output samples (1.875 ms at 8 kHz).</summary>
    public int DelaySamples => (HalfBandFilter.Centre - 1) / 2;

    /// <inheritdoc />
    public int GetOutputLength(int inputLength) => (_filled - Primed + inputLength) / 2;

    /// <inheritdoc />
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < GetOutputLength(input.Length))
        {
            return CodecResult.DestinationTooSmall;
        }

        int produced = 0;
        while (!input.IsEmpty)
        {
            int take = Math.Min(input.Length, _window.Length - _filled);
            for (int i = 0; i < take; i++)
            {
                _window[_filled + i] = input[i];
            }

            _filled += take;
            input = input[take..];

            int start = 0;
            for (; start + HalfBandFilter.Length <= _filled; start += 2)
            {
                output[produced++] = ToSample(Filter(_window.AsSpan(start, HalfBandFilter.Length)));
            }

            _window.AsSpan(start, _filled - start).CopyTo(_window);
            _filled -= start;
        }

        return produced;
    }

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_window);
        _filled = Primed;
    }

    private static float Filter(ReadOnlySpan<float> window)
    {
        ReadOnlySpan<float> taps = HalfBandFilter.PairTaps;
        float sum = 0.5f * window[HalfBandFilter.Centre];
        for (int t = 0; t < taps.Length; t++)
        {
            int offset = (2 * t) + 1;
            sum += taps[t] * (window[HalfBandFilter.Centre - offset] + window[HalfBandFilter.Centre + offset]);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static short ToSample(float value) => (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
}
