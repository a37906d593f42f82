using ContactCenter.Media.Rtcp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Rtcp;

public sealed class RtcpTimingTests
{
    [Fact]
    public void RoundTrip_MatchesTheRfc3550Example()
    {
        // RFC 3550 §6.4.1 figure 2: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 → 6.125 s.
        Assert.True(RtcpRoundTrip.TryCompute(0xB7108000, 0xB7052000, 0x00054000, out var rtt));

        Assert.Equal(TimeSpan.FromMilliseconds(6125), rtt);
    }

    [Fact]
    public void RoundTrip_IsUnknownWithoutLsrOrWhenNegative()
    {
        Assert.False(RtcpRoundTrip.TryCompute(0xB7108000, 0, 0, out _));
        Assert.False(RtcpRoundTrip.TryCompute(0xB7050000, 0xB7052000, 0x10, out _));
        Assert.True(RtcpRoundTrip.TryCompute(0x00001000, 0xFFFFF000, 0x1000, out var acrossWrap));
        Assert.Equal(TimeSpan.FromSeconds(1.0 / 65536 * 0x1000), acrossWrap);
    }

    [Fact]
    public void CompactUnits_ConvertAndSaturate()
    {
        Assert.Equal(0x00054000u, RtcpRoundTrip.ToCompactUnits(TimeSpan.FromSeconds(5.25)));
        Assert.Equal(0u, RtcpRoundTrip.ToCompactUnits(TimeSpan.FromSeconds(-1)));
        Assert.Equal(uint.MaxValue, RtcpRoundTrip.ToCompactUnits(TimeSpan.FromDays(2)));
    }

    [Fact]
    public void NtpTimestamp_KnownInstants()
    {
        Assert.Equal(new NtpTimestamp(2_208_988_800UL << 32), NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch));

        var halfSecond = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddSeconds(1.5));
        Assert.Equal(2_208_988_801u, halfSecond.Seconds);
        Assert.Equal(0x8000_0000u, halfSecond.Fraction);
        Assert.Equal((ushort)(2_208_988_801u & 0xFFFF) << 16 | 0x8000u, halfSecond.Middle32);

        // Era 1 begins 2036-02-07 06:28:16 UTC: the seconds field wraps to zero.
        var eraOne = NtpTimestamp.FromDateTimeOffset(new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero));
        Assert.Equal(0u, eraOne.Seconds);
    }

    [Fact]
    public void NtpTimestamp_RoundTripsNearAReference_AcrossTheEraWrap()
    {
        var instants = new[]
        {
            new DateTimeOffset(2026, 11, 24, 12, 0, 0, 123, TimeSpan.Zero),
            new DateTimeOffset(2036, 2, 7, 6, 28, 15, 999, TimeSpan.Zero),
            new DateTimeOffset(2036, 2, 7, 6, 28, 16, 1, TimeSpan.Zero),
        };

        foreach (var instant in instants)
        {
            var back = NtpTimestamp.FromDateTimeOffset(instant).ToDateTimeOffset(instant.AddHours(3));
            Assert.InRange((back - instant).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void Scheduler_FirstReportAfterHalfAnInterval_ThenRandomizedIntervals()
    {
        var time = new FakeTimeProvider();
        var scheduler = new RtcpReportScheduler(time, random: new Random(7));
        var step = TimeSpan.FromMilliseconds(10);

        var first = TimeUntilDue(scheduler, time, step);
        Assert.InRange(first, TimeSpan.FromSeconds(1.25), TimeSpan.FromSeconds(3.75) + step);

        var intervals = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var interval = TimeUntilDue(scheduler, time, step);
            Assert.InRange(interval, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(7.5) + step);
            intervals.Add(interval.TotalSeconds);
        }

        Assert.InRange(intervals.Average(), 4.7, 5.3);
        Assert.True(intervals.Distinct().Count() > 50, "intervals should be randomized");
        Assert.False(scheduler.TryConsumeDue());
    }

    [Fact]
    public void Scheduler_TimeUntilDue_CountsDown()
    {
        var time = new FakeTimeProvider();
        var scheduler = new RtcpReportScheduler(time, TimeSpan.FromSeconds(2), new Random(1));
        var before = scheduler.TimeUntilDue;

        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(before - TimeSpan.FromMilliseconds(100), scheduler.TimeUntilDue);
        Assert.InRange(before, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5));
    }

    private static TimeSpan TimeUntilDue(RtcpReportScheduler scheduler, FakeTimeProvider time, TimeSpan step)
    {
        var elapsed = TimeSpan.Zero;
        while (!scheduler.TryConsumeDue())
        {
            time.Advance(step);
            elapsed += step;
            Assert.True(elapsed < TimeSpan.FromSeconds(10), "a report must come due within 1.5 intervals");
        }

        return elapsed;
    }
}
