using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>
/// <see cref="SipTimerSettings.TryingDelay"/>: an INVITE server transaction sends 100 Trying only when the TU has sent
/// nothing by then (RFC 3261 §17.2.1), and at once for a retransmitted INVITE.
/// </summary>
public sealed class DeferredTryingTests
{
    private static readonly SipTimerSettings Deferred = SipTimerSettings.Default with { TryingDelay = TimeSpan.FromMilliseconds(100) };

    private static int[] Statuses(TransactionHarness h) => h.Sender.Sent.Select(s => s.Parse().StatusCode).ToArray();

    [Fact]
    public void A_TU_answering_within_the_delay_saves_the_100()
    {
        using var h = new TransactionHarness(Deferred);
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = Assert.Single(h.User.Requests);
        Assert.Empty(h.Sender.Sent); // the TU has the INVITE; nothing on the wire yet

        h.AdvanceTo(Ms(30));
        Assert.True(tx.SendResponse(180, "Ringing"));
        h.AdvanceTo(S(1));

        Assert.Equal([180], Statuses(h));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public void A_silent_TU_gets_the_100_sent_for_it_at_the_delay_and_once()
    {
        using var h = new TransactionHarness(Deferred);
        var branch = SipIds.NewBranch();
        var invite = TestMessages.Invite(branch, extraHeaders: "Timestamp: 7.5");
        h.Receive(invite);
        var tx = h.User.LastRequest;

        h.AdvanceTo(Ms(90));
        Assert.Empty(h.Sender.Sent);
        h.AdvanceTo(Ms(120)); // due at 100 ms exactly (not rounded to the wait resolution)

        var trying = Assert.Single(h.Sender.Sent);
        Assert.Equal(Ms(100), trying.At);
        var parsed = trying.Parse();
        Assert.Equal(100, parsed.StatusCode);
        Assert.False(parsed.HasToTag);
        Assert.Equal(branch, System.Text.Encoding.ASCII.GetString(parsed.Branch.Span));
        Assert.Equal("7.5", TestMessages.HeaderOf(parsed, HeaderId.Timestamp)); // §8.2.6.1
        Assert.Equal(100, tx.LastStatusCode);

        h.AdvanceTo(Ms(500));
        h.Receive(invite); // a retransmission gets the same 100 again
        Assert.Equal([100, 100], Statuses(h));
        Assert.Equal(h.Sender.Sent[0].Bytes, h.Sender.Sent[1].Bytes);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void A_retransmission_before_the_delay_gets_the_100_at_once_and_the_timer_adds_none()
    {
        using var h = new TransactionHarness(Deferred);
        var invite = TestMessages.Invite(SipIds.NewBranch());
        h.Receive(invite);

        h.AdvanceTo(Ms(40));
        h.Receive(invite);
        Assert.Equal([100], Statuses(h));
        Assert.Equal(Ms(40), h.Sender.Last.At);

        h.AdvanceTo(S(1));
        Assert.Equal([100], Statuses(h));
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public async Task A_final_error_before_the_delay_keeps_its_Timer_G_and_H_when_the_delay_passes()
    {
        using var h = new TransactionHarness(Deferred);
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;
        var completion = tx.Completion;

        h.AdvanceTo(Ms(20));
        Assert.True(tx.SendResponse(486, "Busy Here"));
        h.AdvanceTo(Ms(200)); // the deferred 100's timer expires in Completed: no 100, and the transaction lives on

        Assert.Equal([486], Statuses(h));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.AdvanceTo(Ms(520)); // Timer G: T1 after the 486
        Assert.Equal([486, 486], Statuses(h));
        h.AdvanceTo(Ms(20) + Deferred.TransactionTimeout); // Timer H
        Assert.Equal(SipTransactionOutcome.Timeout, await Ended(completion));
    }

    [Fact]
    public async Task An_ack_for_an_error_before_the_delay_ends_the_transaction_on_Timer_I_not_before()
    {
        using var h = new TransactionHarness(Deferred);
        var branch = SipIds.NewBranch();
        h.Receive(TestMessages.Invite(branch));
        var tx = h.User.LastRequest;
        var completion = tx.Completion;

        Assert.True(tx.SendResponse(404, "Not Found"));
        h.AdvanceTo(Ms(10));
        h.Receive(TestMessages.Ack(branch, tx.LocalTag));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);

        h.AdvanceTo(Ms(300)); // the deferred 100's due time passes: no 100, still Confirmed
        Assert.Equal([404], Statuses(h));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.AdvanceTo(Ms(10) + Deferred.T4 + Ms(20)); // Timer I
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(completion));
    }

    [Fact]
    public void A_2xx_before_the_delay_is_absorbed_for_Timer_L_not_ended_by_the_delay()
    {
        using var h = new TransactionHarness(Deferred);
        var invite = TestMessages.Invite(SipIds.NewBranch());
        h.Receive(invite);
        var tx = h.User.LastRequest;

        Assert.True(tx.SendResponse(200, "OK"));
        h.AdvanceTo(S(1));

        Assert.Equal(SipTransactionState.Accepted, tx.State);
        h.Receive(invite); // absorbed: the TU re-sends its 2xx itself
        Assert.Equal([200], Statuses(h));
        Assert.Equal(1, h.Layer.ServerTransactionCount);
        h.AdvanceTo(Deferred.TransactionTimeout + S(1));
        h.AssertDrained();
    }

    [Fact]
    public void A_transport_error_on_the_deferred_100_ends_the_transaction()
    {
        using var h = new TransactionHarness(Deferred);
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;
        h.Sender.Refuse = true;

        h.AdvanceTo(Ms(200));

        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Equal(SipTransactionOutcome.TransportError, tx.Outcome);
        h.AssertDrained();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void A_delay_outside_0_to_200_ms_is_refused(int milliseconds)
    {
        var timers = SipTimerSettings.Default with { TryingDelay = TimeSpan.FromMilliseconds(milliseconds) };
        var error = Assert.Throws<ArgumentException>(timers.Validate);
        Assert.Contains("100 Trying delay", error.Message);
    }
}
