using ContactCenter.Sip.Dialogs;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Dialogs;

public class SessionTimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Harness
    {
        public readonly FakeTimeProvider Time = new(Start);
        public readonly List<TimeSpan> Refreshes = [];
        public readonly List<TimeSpan> Expiries = [];
        public readonly SessionTimer Timer;

        public Harness() => Timer = new SessionTimer(Time, _ => Refreshes.Add(Now), _ => Expiries.Add(Now));

        public TimeSpan Now => Time.GetUtcNow() - Start;

        public void AdvanceTo(TimeSpan target)
        {
            while (Now < target) Time.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Theory]
    [InlineData(1800, true, 900, 1768)]  // refresh at half; BYE 32 s before expiry
    [InlineData(1800, false, -1, 1768)]  // not the refresher: only the deadline
    [InlineData(90, true, 45, 60)]       // short interval: BYE a third before expiry (30 s < 32 s)
    public void Refresh_at_half_and_bye_before_expiry(int intervalSeconds, bool weRefresh, int refreshAt, int expiryAt)
    {
        var h = new Harness();
        h.Timer.Start(TimeSpan.FromSeconds(intervalSeconds), weRefresh);
        Assert.Equal(refreshAt < 0 ? null : Start + TimeSpan.FromSeconds(refreshAt), h.Timer.RefreshDue);
        Assert.Equal(Start + TimeSpan.FromSeconds(expiryAt), h.Timer.ExpiryDue);
        h.AdvanceTo(TimeSpan.FromSeconds(intervalSeconds * 2));
        Assert.Equal(refreshAt < 0 ? [] : [TimeSpan.FromSeconds(refreshAt)], h.Refreshes);
        Assert.Equal([TimeSpan.FromSeconds(expiryAt)], h.Expiries);
        Assert.Null(h.Timer.ExpiryDue);
    }

    [Fact]
    public void A_refresh_restarts_both_deadlines()
    {
        var h = new Harness();
        h.Timer.Start(TimeSpan.FromSeconds(1800), weRefresh: true);
        h.AdvanceTo(TimeSpan.FromSeconds(900));
        Assert.Equal([TimeSpan.FromSeconds(900)], h.Refreshes);
        // The re-INVITE succeeded at 905 s: the session runs on from there.
        h.AdvanceTo(TimeSpan.FromSeconds(905));
        h.Timer.Start(TimeSpan.FromSeconds(1800), weRefresh: true);
        h.AdvanceTo(TimeSpan.FromSeconds(2000));
        Assert.Empty(h.Expiries); // the first deadline (1768 s) was cancelled
        Assert.Equal([TimeSpan.FromSeconds(900), TimeSpan.FromSeconds(1805)], h.Refreshes);
        h.AdvanceTo(TimeSpan.FromSeconds(3000));
        Assert.Equal([TimeSpan.FromSeconds(2673)], h.Expiries);
    }

    [Fact]
    public void Stop_and_inactive_negotiation_cancel_everything()
    {
        var h = new Harness();
        h.Timer.Start(TimeSpan.FromSeconds(120), weRefresh: true);
        h.Timer.Start(new SessionTimerNegotiation(SessionTimerVerdict.None, 0, SessionRefresher.Unspecified, false, false, 0));
        h.AdvanceTo(TimeSpan.FromSeconds(300));
        Assert.Empty(h.Refreshes);
        Assert.Empty(h.Expiries);
        Assert.Null(h.Timer.RefreshDue);
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Timer.Start(TimeSpan.Zero, true));
    }
}
