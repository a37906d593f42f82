using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>
/// <see cref="SipTransactionLayer.RunDueWork"/>: a receive loop fires the transaction timers already due itself, so a
/// deferred 100 Trying or a retransmission leaves on time while the system timer's callback waits on a busy thread pool.
/// </summary>
public sealed class DueWorkTests
{
    private static readonly SipTimerSettings Deferred = SipTimerSettings.Default with { TryingDelay = TimeSpan.FromMilliseconds(100) };

    private sealed class StalledLayer : IDisposable
    {
        public StalledLayer(SipTimerSettings timers)
        {
            Sender = new RecordingSender(Time, Start);
            Layer = new SipTransactionLayer(Sender, Time, timers, User);
        }

        public StalledTimersTimeProvider Time { get; } = new(Start);

        public RecordingSender Sender { get; }

        public RecordingTransactionUser User { get; } = new();

        public SipTransactionLayer Layer { get; }

        public void Receive(byte[] bytes) => Layer.OnMessage(TestMessages.Parse(bytes));

        public void Dispose() => Layer.Dispose();
    }

    [Fact]
    public void A_deferred_100_Trying_leaves_from_the_caller_once_due_though_the_system_timer_never_fires()
    {
        using var s = new StalledLayer(Deferred);
        s.Receive(TestMessages.Invite(SipIds.NewBranch()));
        Assert.Single(s.User.Requests);

        s.Time.Clock.Advance(Ms(99));
        s.Layer.RunDueWork();
        Assert.Empty(s.Sender.Sent); // not due yet

        s.Time.Clock.Advance(Ms(1));
        s.Layer.RunDueWork();
        var trying = Assert.Single(s.Sender.Sent);
        Assert.Equal(100, trying.Parse().StatusCode);

        s.Time.Clock.Advance(Ms(50));
        s.Layer.RunDueWork();
        Assert.Single(s.Sender.Sent); // fired once
    }

    [Fact]
    public void A_client_INVITE_is_retransmitted_at_T1_and_2T1_by_the_caller_though_the_system_timer_never_fires()
    {
        using var s = new StalledLayer(SipTimerSettings.Default);
        var user = new RecordingClientUser(s.Time, Start) { Layer = s.Layer };
        s.Layer.SendRequest(TestMessages.Invite(SipIds.NewBranch()), UdpServer, user);
        Assert.Single(s.Sender.Sent);

        s.Time.Clock.Advance(Ms(499));
        s.Layer.RunDueWork();
        Assert.Single(s.Sender.Sent);

        s.Time.Clock.Advance(Ms(1));
        s.Layer.RunDueWork();
        Assert.Equal(2, s.Sender.Sent.Count); // Timer A at T1

        s.Time.Clock.Advance(Ms(1000));
        s.Layer.RunDueWork();
        Assert.Equal(3, s.Sender.Sent.Count); // and again 2·T1 later
        Assert.All(s.Sender.Sent, sent => Assert.Equal(s.Sender.Sent[0].Bytes, sent.Bytes));
    }

    [Fact]
    public void Nothing_due_sends_nothing_and_a_disposed_layer_ignores_the_call()
    {
        using var s = new StalledLayer(Deferred);
        s.Layer.RunDueWork(); // no timer at all
        s.Receive(TestMessages.Invite(SipIds.NewBranch()));
        s.Layer.RunDueWork();
        Assert.Empty(s.Sender.Sent);

        s.Layer.Dispose();
        s.Time.Clock.Advance(Ms(500));
        s.Layer.RunDueWork();
        Assert.Empty(s.Sender.Sent);
    }
}
