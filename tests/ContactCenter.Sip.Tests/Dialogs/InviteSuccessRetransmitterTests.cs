using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Dialogs;

public class InviteSuccessRetransmitterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Harness
    {
        public readonly FakeTimeProvider Time = new(Start);
        public readonly List<TimeSpan> Sends = [];
        public readonly List<TimeSpan> Timeouts = [];
        public readonly InviteSuccessRetransmitter Retransmitter;

        public Harness(SipTimerSettings? timers = null)
        {
            Retransmitter = new InviteSuccessRetransmitter(1, () => { Sends.Add(Now); return true; }, Time,
                timers ?? SipTimerSettings.Default, _ => Timeouts.Add(Now));
        }

        public TimeSpan Now => Time.GetUtcNow() - Start;

        /// <summary>10 ms steps: a timer re-armed in its own callback is then seen at the right time.</summary>
        public void AdvanceTo(TimeSpan target)
        {
            while (Now < target) Time.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    [Fact]
    public void Retransmits_at_t1_doubling_to_t2_and_gives_up_after_64_t1()
    {
        var h = new Harness();
        h.Retransmitter.Start();
        h.AdvanceTo(TimeSpan.FromSeconds(40));

        double[] expected = [0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5];
        Assert.Equal(expected.Select(TimeSpan.FromSeconds), h.Sends);
        Assert.Equal([TimeSpan.FromSeconds(32)], h.Timeouts);
        Assert.False(h.Retransmitter.IsPending);
        Assert.Equal(10, h.Retransmitter.Retransmissions);
    }

    [Fact]
    public void The_ack_stops_it()
    {
        var h = new Harness();
        h.Retransmitter.Start();
        h.AdvanceTo(TimeSpan.FromSeconds(2));
        Assert.True(h.Retransmitter.Acknowledge());
        Assert.False(h.Retransmitter.Acknowledge());
        h.AdvanceTo(TimeSpan.FromSeconds(40));
        Assert.Equal(2, h.Sends.Count);
        Assert.Empty(h.Timeouts);
    }

    [Fact]
    public void Follows_configured_timers()
    {
        var h = new Harness(new SipTimerSettings { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(300) });
        h.Retransmitter.Start();
        h.AdvanceTo(TimeSpan.FromSeconds(7));
        // 100, 200, then capped at T2 = 300 (not 400: the cap applies to the doubled value).
        Assert.Equal([0.1, 0.3, 0.6, 0.9, 1.2], h.Sends.Take(5).Select(t => Math.Round(t.TotalSeconds, 3)));
        Assert.Equal([TimeSpan.FromMilliseconds(6400)], h.Timeouts);
        Assert.True(h.Sends[^1] < TimeSpan.FromMilliseconds(6400));
    }

    [Fact]
    public void Disposing_the_dialog_stops_it_and_starting_twice_throws()
    {
        var h = new Harness();
        h.Retransmitter.Start();
        Assert.Throws<InvalidOperationException>(h.Retransmitter.Start);
        var dialog = DialogMessages.Uas(DialogMessages.Parse(DialogMessages.Invite()));
        dialog.AwaitAck(h.Retransmitter);
        dialog.Terminate();
        h.AdvanceTo(TimeSpan.FromSeconds(40));
        Assert.Empty(h.Sends);
        Assert.Empty(h.Timeouts);
    }
}
