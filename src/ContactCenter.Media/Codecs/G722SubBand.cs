using System.Runtime.CompilerServices;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// The ADPCM state of one G.722 sub-band: the adaptive quantiser scale (blocks 3L/3H) and the
/// pole-zero predictor (block 4). Encoder and decoder run the same updates, so they track each
/// other exactly as long as they see the same codes.
/// </summary>
/// <remarks>All arithmetic follows the Recommendation's 16-bit fixed point, saturations included.</remarks>
internal struct G722SubBand
{
    private const int LowScaleShift = 8;
    private const int HighScaleShift = 10;
    private const int LowLogScaleMax = 18432;
    private const int HighLogScaleMax = 22528;

    // Pole predictor: coefficients a1, a2 and the partial reconstructions p(n-1), p(n-2).
    private int _pole1;
    private int _pole2;
    private int _partial1;
    private int _partial2;

    // Reconstructed signal r(n-1), used by the pole section.
    private int _reconstructed1;

    // Zero predictor: coefficients b1..b6 and quantised differences d(n-1)..d(n-6).
    private SixTaps _zeros;
    private SixTaps _differences;

    /// <summary>s: the predicted signal the next difference is taken against.</summary>
    public int Estimate { get; private set; }

    /// <summary>Δ (DETL/DETH): the quantiser scale factor.</summary>
    public int Scale { get; private set; }

    // sz: the zero-section part of the estimate, kept for the partial reconstruction.
    private int _zeroEstimate;

    // ∇ (NBL/NBH): the logarithmic scale factor.
    private int _logScale;

    /// <summary>The state a lower band starts in (and returns to on reset).</summary>
    public static G722SubBand NewLowBand() => new() { Scale = 32 };

    /// <summary>The state a higher band starts in (and returns to on reset).</summary>
    public static G722SubBand NewHighBand() => new() { Scale = 8 };

    /// <summary>LOGSCL + SCALEL: adapt the lower-band scale to the 4-bit core of the code.</summary>
    public void AdaptLowScale(int code4) =>
        AdaptScale(G722Tables.LowScaleMultipliers[G722Tables.LowMagnitudeClass[code4]], LowLogScaleMax, LowScaleShift);

    /// <summary>LOGSCH + SCALEH: adapt the higher-band scale to the 2-bit code.</summary>
    public void AdaptHighScale(int code2) =>
        AdaptScale(G722Tables.HighScaleMultipliers[G722Tables.HighMagnitudeClass[code2]], HighLogScaleMax, HighScaleShift);

    /// <summary>
    /// Block 4: reconstruct with the quantised difference <paramref name="difference"/>, adapt
    /// the pole and zero coefficients, and compute the next <see cref="Estimate"/>.
    /// </summary>
    public void UpdatePredictor(int difference)
    {
        int reconstructed = Saturate(Estimate + difference);     // RECONS
        int partial = Saturate(_zeroEstimate + difference);      // PARREC

        // UPPOL2: the second pole leaks towards zero and steps by the sign agreement of p.
        int scaledPole1 = Saturate(_pole1 << 2);
        int gradient = SameSign(partial, _partial1) ? -scaledPole1 : scaledPole1;
        gradient = Math.Min(gradient, short.MaxValue);
        int pole2 = (SameSign(partial, _partial2) ? 128 : -128) + (gradient >> 7) + ((_pole2 * 32512) >> 15);
        pole2 = Math.Clamp(pole2, -12288, 12288);

        // UPPOL1: likewise for the first pole, kept inside the stability triangle.
        int pole1 = Saturate((SameSign(partial, _partial1) ? 192 : -192) + ((_pole1 * 32640) >> 15));
        int bound = 15360 - pole2;
        pole1 = Math.Clamp(pole1, -bound, bound);

        // UPZERO, DELAYA and FILTEZ in one pass: tap i holds b(i+1) and d(n-1-i) on entry, and
        // leaves with d(n-i) so the sum is already the next sample's zero-section estimate.
        Span<int> zeros = _zeros;
        Span<int> differences = _differences;
        int step = difference == 0 ? 0 : 128;
        int shiftedIn = difference;
        int zeroSum = 0;
        for (int i = 0; i < zeros.Length && i < differences.Length; i++)
        {
            int older = differences[i];
            int zero = Saturate((SameSign(difference, older) ? step : -step) + ((zeros[i] * 32640) >> 15));
            zeros[i] = zero;
            differences[i] = shiftedIn;
            zeroSum += (zero * Saturate(shiftedIn << 1)) >> 15;
            shiftedIn = older;
        }

        _zeroEstimate = Saturate(zeroSum);

        // FILTEP with the new poles over r(n) and r(n-1).
        int poleEstimate = Saturate(
            ((pole1 * Saturate(reconstructed << 1)) >> 15) + ((pole2 * Saturate(_reconstructed1 << 1)) >> 15));

        _pole1 = pole1;
        _pole2 = pole2;
        _partial2 = _partial1;
        _partial1 = partial;
        _reconstructed1 = reconstructed;

        Estimate = Saturate(poleEstimate + _zeroEstimate);        // PREDIC
    }

    private void AdaptScale(int multiplier, int logScaleMax, int shift)
    {
        // ∇ decays by 127/128 per sample and steps by the multiplier of the last code.
        _logScale = Math.Clamp(((_logScale * 127) >> 7) + multiplier, 0, logScaleMax);
        int fraction = (_logScale >> 6) & 31;
        int exponent = shift - (_logScale >> 11);
        int linear = exponent < 0 ? G722Tables.InverseLog[fraction] << -exponent : G722Tables.InverseLog[fraction] >> exponent;
        Scale = linear << 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameSign(int x, int y) => (x ^ y) >= 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);
}
