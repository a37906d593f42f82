using ContactCenter.Media.Quality;
using CsCheck;

namespace ContactCenter.Media.Tests.Quality;

public sealed class EModelTests
{
    [Theory]
    [InlineData(-5, 1.0)]
    [InlineData(0, 1.0)]
    [InlineData(50, 2.575)]
    [InlineData(60, 3.1)]
    [InlineData(70, 3.597)]
    [InlineData(80, 4.024)]
    [InlineData(93.2, 4.4093)]
    [InlineData(100, 4.5)]
    [InlineData(120, 4.5)]
    public void MosFromR_MatchesG107AnnexB(double r, double mos)
    {
        // MOS = 1 + 0.035R + R(R-60)(100-R)·7e-6, e.g. R=80: 1 + 2.8 + 80·20·20·7e-6 = 4.024.
        Assert.Equal(mos, EModel.MosFromRFactor(r), precision: 3);
    }

    [Fact]
    public void PerfectG711Call_RatesTheDefault93Point2()
    {
        var estimate = EModel.Estimate(EModelCodec.G711WithConcealment, 0, 0);

        Assert.Equal(93.2, estimate.RFactor, precision: 10);
        Assert.Equal(4.41, estimate.Mos, precision: 2);
    }

    [Fact]
    public void OnePercentLoss_UsesTheCodecRobustness()
    {
        // Ie,eff = 95·1/(1 + Bpl): 95/26.1 with concealment, 95/5.3 without.
        Assert.Equal(93.2 - (95 / 26.1), EModel.RFactor(EModelCodec.G711WithConcealment, 0, 1), precision: 9);
        Assert.Equal(93.2 - (95 / 5.3), EModel.RFactor(EModelCodec.G711WithoutConcealment, 0, 1), precision: 9);
        Assert.Equal(93.2 - (95 * 2 / (2 / 2.0 + 25.1)), EModel.RFactor(EModelCodec.G722, 0, 2, burstRatio: 2), precision: 9);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 2.4)]
    [InlineData(177.3, 4.2552)]
    [InlineData(200, 7.297)]
    [InlineData(400, 34.097)]
    public void DelayImpairment_FollowsColeRosenbluth(double delay, double id)
    {
        Assert.Equal(id, EModel.DelayImpairment(delay), precision: 3);
    }

    [Fact]
    public void Estimate_IsMonotonicInLossAndDelay()
    {
        var codecs = new[] { EModelCodec.G711WithConcealment, EModelCodec.G711WithoutConcealment, EModelCodec.G722 };
        Gen.Select(Gen.Double[0, 600], Gen.Double[0, 600], Gen.Double[0, 50], Gen.Double[0, 50], Gen.Int[0, 2]).Sample((d1, d2, l1, l2, c) =>
        {
            var codec = codecs[c];
            var (lowDelay, highDelay) = (Math.Min(d1, d2), Math.Max(d1, d2));
            var (lowLoss, highLoss) = (Math.Min(l1, l2), Math.Max(l1, l2));

            Assert.True(EModel.RFactor(codec, lowDelay, lowLoss) >= EModel.RFactor(codec, highDelay, lowLoss));
            Assert.True(EModel.RFactor(codec, lowDelay, lowLoss) >= EModel.RFactor(codec, lowDelay, highLoss));
            Assert.True(EModel.Estimate(codec, lowDelay, lowLoss).Mos >= EModel.Estimate(codec, highDelay, highLoss).Mos);
            Assert.InRange(EModel.Estimate(codec, highDelay, highLoss).Mos, 1, 4.5);
        });
    }

    [Fact]
    public void StrictlyWorse_WithMoreLossOrDelayInTheUsefulRange()
    {
        var codec = EModelCodec.G711WithoutConcealment;

        Assert.True(EModel.Estimate(codec, 50, 1).Mos > EModel.Estimate(codec, 50, 2).Mos);
        Assert.True(EModel.Estimate(codec, 50, 1).Mos > EModel.Estimate(codec, 250, 1).Mos);
        Assert.True(EModel.Estimate(EModelCodec.G711WithConcealment, 50, 3).Mos > EModel.Estimate(codec, 50, 3).Mos);
    }
}
