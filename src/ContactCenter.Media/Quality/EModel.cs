namespace ContactCenter.Media.Quality;

/// <summary>
/// A simplified ITU-T G.107 E-model: R = 93.2 − Id − Ie,eff, with all other parameters at their G.107 defaults (which
/// is what gives Ro − Is = 93.2), and MOS from R per G.107 Annex B.
/// </summary>
/// <remarks>
/// Id, the delay impairment, uses the widely used simplification by Cole and Rosenbluth ("Voice over IP performance
/// monitoring", ACM SIGCOMM CCR 31(2), 2001), fitted to G.107 with default echo parameters:
/// Id = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3), d the one-way mouth-to-ear delay in ms.
/// Ie,eff follows G.107 §7.5: Ie,eff = Ie + (95 − Ie)·Ppl / (Ppl / BurstR + Bpl), Ppl the loss in percent; BurstR = 1
/// is random loss.
/// </remarks>
public static class EModel
{
    /// <summary>R with every G.107 parameter at its default and no delay or loss: Ro − Is.</summary>
    public const double DefaultRating = 93.2;

    /// <summary>The delay impairment Id for a one-way delay in milliseconds (Cole–Rosenbluth).</summary>
    public static double DelayImpairment(double oneWayDelayMilliseconds)
    {
        var d = Math.Max(0, oneWayDelayMilliseconds);
        return (0.024 * d) + (d > 177.3 ? 0.11 * (d - 177.3) : 0);
    }

    /// <summary>The effective equipment impairment Ie,eff for a codec at a loss percentage (G.107 eq. 7-29).</summary>
    public static double EffectiveEquipmentImpairment(EModelCodec codec, double packetLossPercent, double burstRatio = 1)
    {
        var loss = Math.Clamp(packetLossPercent, 0, 100);
        var burst = Math.Max(1, burstRatio);
        var ie = codec.EquipmentImpairment;
        return ie + ((95 - ie) * loss / ((loss / burst) + codec.PacketLossRobustness));
    }

    /// <summary>R = 93.2 − Id − Ie,eff, clamped to 0..100.</summary>
    public static double RFactor(EModelCodec codec, double oneWayDelayMilliseconds, double packetLossPercent, double burstRatio = 1)
    {
        var r = DefaultRating - DelayImpairment(oneWayDelayMilliseconds)
            - EffectiveEquipmentImpairment(codec, packetLossPercent, burstRatio);
        return Math.Clamp(r, 0, 100);
    }

    /// <summary>
    /// MOS from R (G.107 Annex B): 1 below R = 0, 4.5 above R = 100, a cubic in between. The cubic dips slightly below 1
    /// for R under about 6.5, so the result is clamped to the MOS scale.
    /// </summary>
    public static double MosFromRFactor(double r)
    {
        if (double.IsNaN(r) || r <= 0)
        {
            return 1;
        }

        if (r >= 100)
        {
            return 4.5;
        }

        return Math.Max(1, 1 + (0.035 * r) + (r * (r - 60) * (100 - r) * 7e-6));
    }

    /// <summary>R and MOS for a codec at a delay and loss.</summary>
    public static QualityEstimate Estimate(EModelCodec codec, double oneWayDelayMilliseconds, double packetLossPercent, double burstRatio = 1)
    {
        var r = RFactor(codec, oneWayDelayMilliseconds, packetLossPercent, burstRatio);
        return new QualityEstimate(r, MosFromRFactor(r));
    }
}
