using ContactCenter.Media.Rtp;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpInactivityMonitorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void NoPacketForTheTimeout_IsReportedOnce()
    {
        var monitor = new RtpInactivityMonitor(_time, TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(29.9));
        Assert.False(monitor.CheckTimedOut());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(monitor.CheckTimedOut());
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(monitor.CheckTimedOut());
    }

    [Fact]
    public void Packets_KeepTheStreamAlive_AndANewSilenceIsReportedAgain()
    {
        var monitor = new RtpInactivityMonitor(_time, TimeSpan.FromSeconds(5));
        for (var i = 0; i < 100; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            monitor.RecordActivity();
            Assert.False(monitor.CheckTimedOut());
        }

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(monitor.CheckTimedOut());
        monitor.RecordActivity();
        Assert.Equal(TimeSpan.Zero, monitor.IdleTime);
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.True(monitor.CheckTimedOut());
    }

    [Fact]
    public void WhilePaused_NothingIsReported_AndResumeRestartsTheWait()
    {
        var monitor = new RtpInactivityMonitor(_time, TimeSpan.FromSeconds(5));
        monitor.Pause();

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(monitor.IsPaused);
        Assert.False(monitor.CheckTimedOut());

        monitor.Resume();
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(monitor.CheckTimedOut());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(monitor.CheckTimedOut());
    }
}
