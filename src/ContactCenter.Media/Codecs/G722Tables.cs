namespace ContactCenter.Media.Codecs;

/// <summary>The constant tables of ITU-T G.722 (SB-ADPCM), named as in the Recommendation.</summary>
/// <remarks>
/// Plain static arrays rather than span properties over constant data: the span form goes through
/// RuntimeHelpers.CreateSpan, which allocates in unoptimised (Debug, tier-0) code and would break
/// the zero-allocation guarantee until the JIT has promoted the method.
/// </remarks>
internal static class G722Tables
{
    /// <summary>QUANTL: lower-band decision levels (×det, Q12), indexed by magnitude interval 0..29.</summary>
    public static readonly short[] LowDecisionLevels =
    [
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
    ];

    /// <summary>QUANTL: 6-bit code for a negative difference, by magnitude interval 1..30.</summary>
    public static readonly byte[] LowCodeNegative =
    [
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 0,
    ];

    /// <summary>QUANTL: 6-bit code for a non-negative difference, by magnitude interval 1..30.</summary>
    public static readonly byte[] LowCodePositive =
    [
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 0,
    ];

    /// <summary>INVQAL/INVQBL at 4 bits: the embedded core the predictor always uses (QQ4 with sign).</summary>
    public static readonly short[] LowInverse4 =
    [
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
    ];

    /// <summary>INVQBL at 6 bits (mode 1, 64 kbit/s): the decoder's lower-band output levels (QQ6 with sign).</summary>
    public static readonly short[] LowInverse6 =
    [
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136,
    ];

    /// <summary>LOGSCL: the 4-bit code folded to a magnitude class 0..7 (RIL → IL4).</summary>
    public static readonly byte[] LowMagnitudeClass = [0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0];

    /// <summary>LOGSCL: log scale-factor multipliers WL by magnitude class.</summary>
    public static readonly short[] LowScaleMultipliers = [-60, -30, 58, 172, 334, 538, 1198, 3042];

    /// <summary>QUANTH: the 2-bit code for small/large negative differences (index 1, 2).</summary>
    public static readonly byte[] HighCodeNegative = [0, 1, 0];

    /// <summary>QUANTH: the 2-bit code for small/large non-negative differences (index 1, 2).</summary>
    public static readonly byte[] HighCodePositive = [0, 3, 2];

    /// <summary>INVQAH: higher-band output levels by 2-bit code (QQ2 with sign).</summary>
    public static readonly short[] HighInverse = [-7408, -1616, 7408, 1616];

    /// <summary>LOGSCH: the 2-bit code folded to a magnitude class (IH → IH2).</summary>
    public static readonly byte[] HighMagnitudeClass = [2, 1, 2, 1];

    /// <summary>LOGSCH: log scale-factor multipliers WH by magnitude class.</summary>
    public static readonly short[] HighScaleMultipliers = [0, -214, 798];

    /// <summary>SCALEL/SCALEH: the antilog table ILB (2^(i/32) in Q11).</summary>
    public static readonly short[] InverseLog =
    [
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
    ];
}
