using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>The shared timer queue: coalesced wait timers, exact ones, released deadlines and the released request.</summary>
public sealed class TransactionTimerQueueTests
{
    [Fact]
    public async Task Wait_timers_round_up_to_the_resolution_and_never_fire_early()
    {
        using var h = new TransactionHarness(new SipTimerSettings { WaitTimerResolution = Ms(100) });
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        h.AdvanceTo(Ms(30));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch()));
        var completion = h.User.LastRequest.Completion;

        h.AdvanceTo(Ms(32_030)); // exact Timer J would end it here
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(Ms(32_090));
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(Ms(32_100)); // the next 100 ms step
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(completion));
        h.AssertDrained();
        Assert.Equal(0, h.Layer.TimerQueue.Count);
    }

    [Fact]
    public async Task Zero_resolution_makes_wait_timers_exact()
    {
        using var h = new TransactionHarness(new SipTimerSettings { WaitTimerResolution = TimeSpan.Zero });
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        h.AdvanceTo(Ms(30));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch()));
        var completion = h.User.LastRequest.Completion;

        h.AdvanceTo(Ms(32_020));
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(Ms(32_030));
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(completion));
    }

    [Fact]
    public void Many_transactions_completing_together_expire_in_one_batch_and_leave_nothing_behind()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        for (int i = 0; i < 500; i++) h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: $"batch-{i}@test"));
        Assert.Equal(500, h.Layer.ServerTransactionCount);
        Assert.Equal(500, h.Layer.TimerQueue.Count);

        h.AdvanceTo(S(32));
        h.AssertDrained();
        Assert.Equal(0, h.Layer.TimerQueue.Count);
        Assert.All(h.User.Requests, tx => Assert.Equal(SipTransactionState.Terminated, tx.State));
    }

    [Fact]
    public async Task Wait_timers_of_different_delays_each_fire_at_their_own_deadline_in_order()
    {
        // Timer J (64·T1) and Timer I (T4) sit in separate first-in-first-out lines; a later, shorter wait fires first.
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "a@test"));
        var a = h.User.LastRequest;
        Assert.True(a.SendResponse(200, "OK"));                 // J at 32 s
        h.AdvanceTo(S(1));
        string branch = SipIds.NewBranch();
        h.Receive(TestMessages.Request("INVITE", branch, callId: "b@test"));
        var b = h.User.LastRequest;
        Assert.True(b.SendResponse(486, "Busy Here"));
        h.Receive(TestMessages.Ack(branch, b.LocalTag, callId: "b@test")); // I at 6 s
        h.AdvanceTo(S(2));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "c@test"));
        var c = h.User.LastRequest;
        Assert.True(c.SendResponse(200, "OK"));                 // J at 34 s
        Assert.Equal(3, h.Layer.TimerQueue.Count);

        h.AdvanceTo(Ms(5_990));
        Assert.Equal(SipTransactionState.Confirmed, b.State);
        h.AdvanceTo(S(6));
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(b.Completion));
        Assert.Equal(SipTransactionState.Completed, a.State);
        Assert.Equal(2, h.Layer.TimerQueue.Count);
        h.AdvanceTo(S(32));
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(a.Completion));
        Assert.Equal(SipTransactionState.Completed, c.State);
        h.AdvanceTo(S(34));
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(c.Completion));
        Assert.Equal(0, h.Layer.TimerQueue.Count);
        h.AssertDrained();
    }

    [Fact]
    public void More_expiries_than_one_batch_all_fire_in_one_wake()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        for (int i = 0; i < 2_500; i++) h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: $"many-{i}@test"));
        Assert.Equal(2_500, h.Layer.TimerQueue.Count);
        h.AdvanceTo(S(32));
        Assert.Equal(0, h.Layer.TimerQueue.Count);
        Assert.All(h.User.Requests, tx => Assert.Equal(SipTransactionState.Terminated, tx.State));
        h.AssertDrained();
    }

    [Fact]
    public void A_stopped_timer_leaves_the_queue_at_once()
    {
        // An INVITE answered 486 arms G and H; the ACK stops both and arms I: only I may stay queued.
        using var h = new TransactionHarness();
        string branch = SipIds.NewBranch();
        h.Receive(TestMessages.Request("INVITE", branch));
        var tx = h.User.LastRequest;
        Assert.True(tx.SendResponse(486, "Busy Here"));
        Assert.Equal(2, h.Layer.TimerQueue.Count);

        h.Receive(TestMessages.Ack(branch, tx.LocalTag));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Equal(1, h.Layer.TimerQueue.Count);
        h.AdvanceTo(S(6));
        Assert.Equal(0, h.Layer.TimerQueue.Count);
        h.AssertDrained();
    }

    [Fact]
    public void The_request_is_released_with_the_final_response_over_udp_and_kept_over_tcp()
    {
        using var h = new TransactionHarness();
        string branch = SipIds.NewBranch();
        h.Receive(TestMessages.Request("OPTIONS", branch));
        var udp = h.User.LastRequest;
        Assert.True(udp.HasRequest);
        Assert.True(udp.SendResponse(200, "OK"));
        Assert.False(udp.HasRequest);
        Assert.Throws<InvalidOperationException>(() => udp.Request);
        Assert.Equal(branch, udp.Branch);
        Assert.Equal(SipMethod.Options, udp.Method);
        Assert.False(udp.SendResponse(500, "Server Internal Error")); // refused as before, not a crash

        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "tcp@test", transport: "TCP"), SipTransportKind.Tcp);
        var tcp = h.User.LastRequest;
        Assert.True(tcp.SendResponse(200, "OK"));
        Assert.True(tcp.HasRequest);
    }

    [Fact]
    public void Resolution_outside_zero_to_one_second_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SipTimerSettings { WaitTimerResolution = -Ms(1) }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTimerSettings { WaitTimerResolution = S(2) }.Validate());
    }
}
