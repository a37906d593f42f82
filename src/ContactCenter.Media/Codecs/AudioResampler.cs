namespace ContactCenter.Media.Codecs;

/// <summary>Chooses the resampler for a pair of rates.</summary>
public static class AudioResampler
{
    /// <summary>True when <see cref="Create"/> can convert between the two rates.</summary>
    public static bool IsSupported(int inputRate, int outputRate) =>
        inputRate > 0 && (outputRate == inputRate || outputRate * 2 == inputRate || outputRate == inputRate * 2);

    /// <summary>
    /// Creates a new resampler for one stream: a copier for equal rates, a half-band decimator for
    /// 2:1 (16 kHz → 8 kHz) and a half-band interpolator for 1:2 (8 kHz → 16 kHz).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The pair is not supported (see <see cref="IsSupported"/>).</exception>
    public static IAudioResampler Create(int inputRate, int outputRate)
    {
        if (!IsSupported(inputRate, outputRate))
        {
            throw new ArgumentOutOfRangeException(nameof(outputRate), $"No resampler from {inputRate} Hz to {outputRate} Hz; only equal rates, 2:1 and 1:2 are supported.");
        }

        if (inputRate == outputRate)
        {
            return new PassThroughResampler(inputRate);
        }

        return outputRate < inputRate ? new HalfBandDecimator(inputRate) : new HalfBandInterpolator(inputRate);
    }
}
