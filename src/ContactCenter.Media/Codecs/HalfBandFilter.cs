namespace ContactCenter.Media.Codecs;

/// <summary>
/// The 63-tap half-band low-pass shared by the 2:1 decimator and the 1:2 interpolator: cut-off
/// at a quarter of the higher rate (4 kHz at 16 kHz), flat within 0.01 dB to 85% of it (3.4 kHz)
/// and at least 70 dB down from 115% of it (4.6 kHz) on.
/// </summary>
/// <remarks>
/// A half-band filter has every other tap zero and a centre tap of ½, so only the 16 symmetric
/// odd-offset taps are stored and each output costs 16 multiplies. Designed as a Kaiser-windowed
/// (β = 7) ideal half-band response, normalised to unit DC gain.
/// </remarks>
internal static class HalfBandFilter
{
    /// <summary>Number of distinct odd-offset taps (K): the filter has 4K - 1 taps.</summary>
    public const int PairCount = 16;

    /// <summary>Total filter length, 4K - 1.</summary>
    public const int Length = (4 * PairCount) - 1;

    /// <summary>Index of the centre tap, 2K - 1 (also the group delay at the higher rate).</summary>
    public const int Centre = (2 * PairCount) - 1;

    private const double KaiserBeta = 7.0;

    /// <summary>g[t] is the tap at offsets ±(2t + 1) from the centre.</summary>
    public static readonly float[] PairTaps = Design();

    private static float[] Design()
    {
        var taps = new double[PairCount];
        double sum = 0;
        for (int t = 0; t < PairCount; t++)
        {
            int offset = (2 * t) + 1;
            double ratio = (double)offset / Centre;
            double window = BesselI0(KaiserBeta * Math.Sqrt(1 - (ratio * ratio))) / BesselI0(KaiserBeta);
            taps[t] = Math.Sin(Math.PI * offset / 2) / (Math.PI * offset) * window;
            sum += taps[t];
        }

        // Centre ½ plus both sides must give a DC gain of exactly one: the pairs sum to ¼.
        var result = new float[PairCount];
        for (int t = 0; t < PairCount; t++)
        {
            result[t] = (float)(taps[t] * 0.25 / sum);
        }

        return result;
    }

    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        for (int k = 1; term > 1e-12 * sum; k++)
        {
            double half = x / (2 * k);
            term *= half * half;
            sum += term;
        }

        return sum;
    }
}
