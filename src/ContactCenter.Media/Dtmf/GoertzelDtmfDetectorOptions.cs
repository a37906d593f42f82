namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Thresholds of <see cref="GoertzelDtmfDetector"/>. Defaults follow the usual reading of ITU-T Q.24 (Table A-1 ranges)
/// as in SpanDSP's detector: 8 dB normal twist, 4 dB reverse twist, tones down to −30 dBm0 each.
/// </summary>
public sealed record GoertzelDtmfDetectorOptions
{
    /// <summary>Quietest tone accepted, per frequency, in dBm0.</summary>
    public double MinimumToneLevelDbm0 { get; init; } = -30;

    /// <summary>How much louder the high-group (column) tone may be than the low-group (row) tone, in dB.</summary>
    public double NormalTwistDb { get; init; } = 8;

    /// <summary>How much louder the low-group (row) tone may be than the high-group (column) tone, in dB.</summary>
    public double ReverseTwistDb { get; init; } = 4;

    /// <summary>How far, in dB, the strongest tone of a group must stand above the other tones of that group.</summary>
    public double RelativePeakDb { get; init; } = 8;

    /// <summary>
    /// Share of the block's energy that the two tones must carry (0..1). Speech and noise spread their energy, a DTMF
    /// pair concentrates it: this is the main defence against talk-off.
    /// </summary>
    public double MinimumToneEnergyShare { get; init; } = 0.7;
}
