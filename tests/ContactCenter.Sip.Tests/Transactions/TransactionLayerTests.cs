using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>The layer as a whole: its lifetime, a misbehaving TU, the real clock, settings and identifiers.</summary>
public sealed class TransactionLayerTests
{
    [Fact]
    public async Task Dispose_ends_every_transaction_silently_and_ignores_later_messages()
    {
        var h = new TransactionHarness();
        var client = h.NewClientUser();
        h.Layer.SendRequest(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "out@test"), UdpServer, client);
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var server = h.User.LastRequest;
        var completion = server.Completion;
        int sent = h.Sender.Count;

        h.Dispose();

        Assert.Equal(SipTransactionOutcome.Shutdown, client.Outcome);
        Assert.Equal(SipTransactionOutcome.Shutdown, await Ended(completion));
        Assert.Equal(0, h.Layer.ServerTransactionCount);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
        h.AdvanceTo(S(40));
        h.Receive(TestMessages.Invite(SipIds.NewBranch(), callId: "late@test"));
        Assert.Equal(sent, h.Sender.Count); // no retransmission, no 100 after disposal
        Assert.Single(h.User.Requests);
        Assert.Throws<ObjectDisposedException>(() => h.Layer.SendRequest(TestMessages.Request("OPTIONS", SipIds.NewBranch()), UdpServer, client));
    }

    [Fact]
    public void A_throwing_TU_is_reported_and_the_transaction_goes_on()
    {
        using var h = new TransactionHarness();
        h.User.Respond = _ => throw new InvalidOperationException("TU bug");
        var invite = TestMessages.Invite(SipIds.NewBranch());

        h.Receive(invite);
        h.Receive(invite);

        var error = Assert.Single(h.CallbackErrors);
        Assert.Equal("TU bug", error.Message);
        Assert.Equal([100, 100], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.True(h.User.LastRequest.SendResponse(500, "Server Internal Error"));
    }

    [Fact]
    public void A_client_TU_throwing_on_a_timer_thread_is_reported_and_still_told_of_the_end()
    {
        using var h = new TransactionHarness();
        var user = new ThrowingOnResponseUser();
        h.Layer.SendRequest(TestMessages.Request("OPTIONS", SipIds.NewBranch()), UdpServer, user);

        h.AdvanceTo(S(32)); // Timer F on the timer callback: the 408 delivery throws

        Assert.Single(h.CallbackErrors);
        Assert.Equal(SipTransactionOutcome.Timeout, user.Outcome);
        Assert.Equal(0, h.Layer.ClientTransactionCount);
    }

    [Fact]
    public async Task Real_clock_timers_drive_retransmissions_and_the_timeout()
    {
        // The only test on TimeProvider.System: the ITimer path with callbacks on the thread pool. T1 = 10 ms makes
        // Timer F 640 ms; the test waits on the outcome with a timeout, never a sleep.
        var sender = new RecordingSender(TimeProvider.System, DateTimeOffset.UtcNow);
        var user = new RecordingTransactionUser();
        using var layer = new SipTransactionLayer(sender, TimeProvider.System, new SipTimerSettings { T1 = Ms(10), T2 = Ms(40) }, user);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var final = await layer.SendRequestAsync(TestMessages.Request("OPTIONS", SipIds.NewBranch()), UdpServer).WaitAsync(TimeSpan.FromSeconds(20));
        var elapsed = clock.Elapsed;

        Assert.Equal(408, final.StatusCode);
        Assert.True(elapsed >= Ms(640) - Ms(20), $"Timer F fired after {elapsed.TotalMilliseconds} ms, before 64*T1"); // timer resolution slack
        // Timer E at 10, 30, 70, then every 40 ms up to 640 ms: about 18 sends; a loaded machine fires late, so fewer.
        Assert.InRange(sender.Count, 2, 20);
        Assert.Equal(0, layer.ClientTransactionCount);
    }

    [Fact]
    public void Timer_settings_default_to_RFC3261_values_and_refuse_unusable_ones()
    {
        var defaults = SipTimerSettings.Default;
        Assert.Equal(Ms(500), defaults.T1);
        Assert.Equal(S(4), defaults.T2);
        Assert.Equal(S(5), defaults.T4);
        Assert.Equal(S(32), defaults.TimerD);
        Assert.Equal(S(32), defaults.TransactionTimeout);

        Assert.Throws<ArgumentException>(() => new SipTimerSettings { T1 = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTimerSettings { T1 = S(5), T2 = S(4) }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTimerSettings { T4 = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new SipTransactionLayer(new RecordingSender(TimeProvider.System, default),
            TimeProvider.System, new SipTimerSettings { T1 = -Ms(1) }, new RecordingTransactionUser()));
    }

    [Fact]
    public void Branches_carry_the_magic_cookie_and_branches_and_tags_do_not_repeat()
    {
        var branches = Enumerable.Range(0, 10_000).Select(_ => SipIds.NewBranch()).ToList();
        var tags = Enumerable.Range(0, 10_000).Select(_ => SipIds.NewTag()).ToList();

        Assert.All(branches, b => Assert.StartsWith("z9hG4bK", b, StringComparison.Ordinal));
        Assert.All(branches, b => Assert.Equal(27, b.Length));
        Assert.Equal(branches.Count, branches.Distinct().Count());
        Assert.Equal(tags.Count, tags.Distinct().Count());
        Assert.All(tags, t => Assert.Matches("^[a-z2-7]{12}$", t));
        var parsed = TestMessages.ParseLocal(TestMessages.Request("OPTIONS", branches[0]));
        Assert.True(parsed.HasRfc3261Branch);
    }

    private sealed class ThrowingOnResponseUser : IClientTransactionUser
    {
        public SipTransactionOutcome? Outcome { get; private set; }

        public void OnResponse(ClientTransaction transaction, SipMessage response) => throw new InvalidOperationException("TU bug");

        public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome) => Outcome = outcome;
    }
}
