using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    private const uint Ssrc = 0x5EED;
    private static readonly long Frequency = new FakeTimeProvider().TimestampFrequency;

    [Fact]
    public void FirstPackets_ArePutOnProbationThenCountedFromTheSecond()
    {
        var stats = NewStats();

        Assert.Equal(RtpSequenceStatus.Probation, stats.Update(Ssrc, 1000, 0, 160, At(0)));
        Assert.False(stats.IsValid);
        Assert.Equal(RtpSequenceStatus.Accepted, stats.Update(Ssrc, 1001, 160, 160, At(20)));

        Assert.True(stats.IsValid);
        Assert.Equal(1001u, stats.BaseSequence);
        Assert.Equal(1, stats.Received);
        Assert.Equal(1, stats.ExpectedPackets);
        Assert.Equal(2, stats.PacketsReceived);
        Assert.Equal(320, stats.BytesReceived);
    }

    [Fact]
    public void ProbationRestarts_WhenTheSecondPacketIsNotSequential()
    {
        var stats = NewStats();

        stats.Update(Ssrc, 10, 0, 0, At(0));
        Assert.Equal(RtpSequenceStatus.Probation, stats.Update(Ssrc, 50, 0, 0, At(20)));
        Assert.Equal(RtpSequenceStatus.Accepted, stats.Update(Ssrc, 51, 0, 0, At(40)));
        Assert.Equal(51u, stats.BaseSequence);
    }

    [Fact]
    public void SequenceWrap_65535To0_CountsACycleAndLosesNothing()
    {
        var stats = NewStats();
        ushort sequence = 65530;
        for (var i = 0; i < 20; i++, sequence++)
        {
            var status = stats.Update(Ssrc, sequence, (uint)(i * 160), 160, At(i * 20));
            Assert.NotEqual(RtpSequenceStatus.BadJump, status);
        }

        Assert.Equal(1u, stats.Cycles);
        Assert.Equal(65536u + 13, stats.ExtendedHighestSequence);
        Assert.Equal(19, stats.Received);
        Assert.Equal(19, stats.ExpectedPackets);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void ProbationAcrossTheWrap_Validates()
    {
        var stats = NewStats();

        stats.Update(Ssrc, 65535, 0, 0, At(0));
        Assert.Equal(RtpSequenceStatus.Accepted, stats.Update(Ssrc, 0, 160, 0, At(20)));
        Assert.Equal(0u, stats.BaseSequence);
    }

    [Fact]
    public void EveryTenthPacketLost_GivesLossAndFractionOfTheInterval()
    {
        var stats = NewStats();
        Feed(stats, first: 0, count: 1001, dropWhen: i => i % 10 == 5);
        var report = stats.CreateReportBlock(At(30_000));

        // Packets 1..1000 are counted (0 was probation); 100 of them were dropped.
        Assert.Equal(1000, stats.ExpectedPackets);
        Assert.Equal(100, stats.CumulativeLost);
        Assert.Equal(100, report.CumulativeLost);
        Assert.Equal((byte)(100 * 256 / 1000), report.FractionLost);
        Assert.Equal(1000u, report.ExtendedHighestSequence);
        Assert.Equal(Ssrc, report.Ssrc);

        Feed(stats, first: 1001, count: 500, dropWhen: _ => false);
        var second = stats.CreateReportBlock(At(40_000));
        Assert.Equal(0, second.FractionLost);
        Assert.Equal(100, second.CumulativeLost);

        Feed(stats, first: 1501, count: 100, dropWhen: i => i % 4 == 1);
        Assert.Equal(64, stats.CreateReportBlock(At(50_000)).FractionLost);
    }

    [Fact]
    public void ReorderedPacket_IsLateButCounted()
    {
        var stats = NewStats();
        ushort[] order = [1, 2, 3, 5, 4, 6];
        var statuses = order.Select((seq, i) => stats.Update(Ssrc, seq, seq * 160u, 0, At(i * 20))).ToArray();

        Assert.Equal(RtpSequenceStatus.Late, statuses[4]);
        Assert.Equal(5, stats.ExpectedPackets);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void DuplicatePackets_MakeCumulativeLossNegative_AndTheBlockCarriesIt()
    {
        var stats = NewStats();
        ushort[] order = [1, 2, 3, 3, 4, 4];
        for (var i = 0; i < order.Length; i++)
        {
            stats.Update(Ssrc, order[i], order[i] * 160u, 0, At(i * 20));
        }

        var block = stats.CreateReportBlock(At(200));
        Assert.Equal(-2, stats.CumulativeLost);
        Assert.Equal(-2, block.CumulativeLost);
        Assert.Equal(0, block.FractionLost);
        Assert.Equal(0, stats.TotalPacketsLost);
    }

    [Fact]
    public void LargeJump_IsDroppedUntilConfirmed_ThenStatisticsRestart()
    {
        var stats = NewStats();
        Feed(stats, first: 100, count: 50, dropWhen: _ => false);

        Assert.Equal(RtpSequenceStatus.BadJump, stats.Update(Ssrc, 10_000, 0, 0, At(5_000)));
        Assert.Equal(RtpSequenceStatus.Restarted, stats.Update(Ssrc, 10_001, 160, 0, At(5_020)));

        Assert.Equal(10_001u, stats.BaseSequence);
        Assert.Equal(1, stats.Received);
        Assert.Equal(50, stats.TotalPacketsExpected);
    }

    [Fact]
    public void SingleStrayJump_DoesNotDisturbTheStream()
    {
        var stats = NewStats();
        Feed(stats, first: 100, count: 50, dropWhen: _ => false);

        Assert.Equal(RtpSequenceStatus.BadJump, stats.Update(Ssrc, 30_000, 0, 0, At(1_000)));
        Assert.Equal(RtpSequenceStatus.Accepted, stats.Update(Ssrc, 150, 0, 0, At(1_000)));
        Assert.Equal(50, stats.ExpectedPackets);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void NewSsrc_StartsANewSourceAndKeepsLifetimeTotals()
    {
        var stats = NewStats();
        Feed(stats, first: 0, count: 101, dropWhen: i => i == 50);

        Assert.Equal(RtpSequenceStatus.Probation, stats.Update(Ssrc + 1, 7, 0, 0, At(10_000)));
        Assert.Equal(RtpSequenceStatus.Accepted, stats.Update(Ssrc + 1, 8, 160, 0, At(10_020)));

        Assert.Equal(Ssrc + 1, stats.Ssrc);
        Assert.Equal(1, stats.SourceChanges);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(1, stats.TotalPacketsLost);
        Assert.Equal(101, stats.TotalPacketsExpected);
    }

    [Fact]
    public void ConstantTransit_HasZeroJitter_EvenAcrossTimestampWrap()
    {
        var stats = NewStats();
        var timestamp = uint.MaxValue - 800;
        for (var i = 0; i < 200; i++, timestamp += 160)
        {
            stats.Update(Ssrc, (ushort)i, timestamp, 160, At(i * 20));
        }

        Assert.Equal(0u, stats.Jitter);
    }

    [Fact]
    public void AlternatingFiveMillisecondDelay_ConvergesToFiveMillisecondsOfJitter()
    {
        var stats = NewStats();
        for (var i = 0; i < 500; i++)
        {
            stats.Update(Ssrc, (ushort)i, (uint)(i * 160), 160, At((i * 20) + (i % 2 == 1 ? 5 : 0)));
        }

        // |D| is 40 units (5 ms at 8 kHz) for every packet; J → 40 (the integer form truncates by at most one unit).
        Assert.InRange(stats.Jitter, 39u, 40u);
        Assert.InRange(stats.JitterMilliseconds, 4.9, 5.0);
    }

    [Fact]
    public void UniformRandomDelay_GivesAThirdOfTheRangeAsJitter()
    {
        // For independent delays uniform on [0, a], E|d1 - d2| = a/3: 0..30 ms gives 10 ms.
        var stats = NewStats();
        var random = new Random(42);
        double sum = 0;
        var samples = 0;
        for (var i = 0; i < 5000; i++)
        {
            stats.Update(Ssrc, (ushort)i, (uint)(i * 160), 160, At((i * 20) + (random.NextDouble() * 30)));
            if (i >= 1000)
            {
                sum += stats.JitterMilliseconds;
                samples++;
            }
        }

        Assert.InRange(sum / samples, 9.5, 10.5);
    }

    [Fact]
    public void TelephoneEventPackets_CanBeKeptOutOfJitter()
    {
        var stats = NewStats();
        for (var i = 0; i < 100; i++)
        {
            // An RFC 4733 event repeats one timestamp while time passes: counted, but not a jitter sample.
            stats.Update(Ssrc, (ushort)i, 8000, 4, At(i * 20), updateJitter: false);
        }

        Assert.Equal(0u, stats.Jitter);
        Assert.Equal(99, stats.Received);
    }

    [Fact]
    public void ReportBlock_CarriesLsrAndDelaySinceTheSenderReport()
    {
        var stats = NewStats();
        Feed(stats, first: 0, count: 10, dropWhen: _ => false);
        var ntp = new NtpTimestamp(0xB705_2000UL << 16);

        Assert.Equal(0u, stats.CreateReportBlock(At(300)).LastSenderReport);
        stats.RecordSenderReport(ntp, At(1_000));
        var block = stats.CreateReportBlock(At(6_250));

        Assert.Equal(0xB7052000u, block.LastSenderReport);
        Assert.Equal(0x0005_4000u, block.DelaySinceLastSenderReport);
    }

    [Fact]
    public void RealCapture_G711a_MatchesWiresharkLossAndJitter()
    {
        // Reference: Wireshark 4.0.17, `tshark -r g711a.pcap -d udp.port==2006,rtp -q -z rtp,streams`:
        // SSRC 0xDEE0EE8F, 236 packets, 0 lost, mean jitter 0.350 ms, max jitter 0.829 ms.
        var datagrams = PcapUdpReader.Read(SipTesterCaptures.PathOf("g711a.pcap"));
        var time = new FakeTimeProvider();
        var stats = new RtpReceiveStatistics(8000, time);
        double maxJitter = 0;
        double jitterSum = 0;
        foreach (var datagram in datagrams)
        {
            Assert.Equal(RtpParseStatus.Ok, RtpPacket.TryParse(datagram.Payload, out var packet));
            stats.Update(packet, datagram.Time.Ticks * Frequency / TimeSpan.TicksPerSecond);
            maxJitter = Math.Max(maxJitter, stats.JitterMilliseconds);
            jitterSum += stats.JitterMilliseconds;
        }

        Assert.Equal(PcapUdpReader.LinkTypeEthernet, PcapUdpReader.ReadLinkType(SipTesterCaptures.PathOf("g711a.pcap")));
        Assert.Equal(236, stats.PacketsReceived);
        Assert.Equal(0xDEE0EE8Fu, stats.Ssrc);
        Assert.Equal(235, stats.ExpectedPackets);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.InRange(maxJitter, 0.80, 0.86);
        Assert.InRange(jitterSum / datagrams.Count, 0.33, 0.37);
    }

    private static RtpReceiveStatistics NewStats() => new(8000, new FakeTimeProvider());

    private static long At(double milliseconds) => (long)(milliseconds * Frequency / 1000);

    private static void Feed(RtpReceiveStatistics stats, int first, int count, Func<int, bool> dropWhen)
    {
        for (var i = first; i < first + count; i++)
        {
            if (!dropWhen(i))
            {
                stats.Update(Ssrc, (ushort)i, (uint)(i * 160), 160, At(i * 20));
            }
        }
    }
}
