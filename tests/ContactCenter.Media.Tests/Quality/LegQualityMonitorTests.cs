using ContactCenter.Media.Quality;
using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Quality;

public sealed class LegQualityMonitorTests
{
    private const uint OurSsrc = 0x1234;

    [Fact]
    public void Report_CombinesLocalMeasurementsAndTheRemoteReport()
    {
        var time = new FakeTimeProvider();
        var inbound = new RtpReceiveStatistics(8000, time);
        var outbound = new RtpSenderStatistics(8000, time);
        var frequency = time.TimestampFrequency;
        for (var i = 0; i <= 100; i++)
        {
            if (i != 50)
            {
                inbound.Update(0x99, (ushort)i, (uint)(i * 160), 160, i * 20 * frequency / 1000);
            }

            outbound.RecordSent(160, (uint)(i * 160), time.GetTimestamp());
        }

        var monitor = new LegQualityMonitor(OurSsrc, EModelCodec.G711WithConcealment, 8000);
        var arrival = new NtpTimestamp(0xB7108000UL << 16);
        Assert.False(monitor.RecordRemoteReport(new RtcpReportBlock(0x77, 0, 5, 0, 0, 0, 0), arrival));
        Assert.True(monitor.RecordRemoteReport(new RtcpReportBlock(OurSsrc, 10, 2, 100, 80, 0xB7052000, 0x00054000), arrival));

        var report = monitor.CreateReport(inbound, outbound);

        Assert.True(report.HasRemoteReport);
        Assert.Equal(6125, report.RoundTripMilliseconds!.Value, precision: 6);
        Assert.Equal(100, report.Inbound.Packets);
        Assert.Equal(16_000, report.Inbound.Bytes);
        Assert.Equal(1, report.Inbound.PacketsLost);
        Assert.Equal(1.0, report.Inbound.LossPercent, precision: 9);
        Assert.Equal(101, report.Outbound.Packets);
        Assert.Equal(2, report.Outbound.PacketsLost);
        Assert.Equal(10.0, report.Outbound.JitterMilliseconds, precision: 9);

        // Outbound one-way delay: 6125/2 + 2·10 + 40 ms; 2/101 ≈ 1.98% loss.
        var expected = EModel.Estimate(EModelCodec.G711WithConcealment, 3062.5 + 20 + 40, 200.0 / 101);
        Assert.Equal(expected, report.Outbound.Quality);
    }

    [Fact]
    public void BeforeAnyRemoteReport_OutboundIsUnknownButInboundIsRated()
    {
        var time = new FakeTimeProvider();
        var inbound = new RtpReceiveStatistics(8000, time);
        var monitor = new LegQualityMonitor(OurSsrc, EModelCodec.G722, 8000);

        var report = monitor.CreateReport(inbound, new RtpSenderStatistics(8000, time));

        Assert.False(report.HasRemoteReport);
        Assert.Null(report.RoundTripMilliseconds);
        Assert.Equal(0, report.Outbound.PacketsLost);
        Assert.Equal(EModel.Estimate(EModelCodec.G722, 40, 0), report.Inbound.Quality);
    }
}
