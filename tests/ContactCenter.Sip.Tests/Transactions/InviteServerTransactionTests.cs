using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class InviteServerTransactionTests
{
    [Fact]
    public void Invite_gets_100_Trying_at_once_and_reaches_the_TU_once()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        var invite = TestMessages.Invite(branch, extraHeaders: "Timestamp: 54.3");

        h.Receive(invite);

        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(SipMethod.Invite, tx.Method);
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        Assert.Equal(TestMessages.Peer, tx.ResponseDestination.EndPoint);
        var trying = Assert.Single(h.Sender.Sent);
        Assert.Equal(TimeSpan.Zero, trying.At);
        Assert.Equal(tx.ResponseDestination, trying.Destination);
        var parsed = trying.Parse();
        Assert.Equal(100, parsed.StatusCode);
        Assert.False(parsed.HasToTag); // a 100 creates no dialog
        Assert.Equal(branch, System.Text.Encoding.ASCII.GetString(parsed.Branch.Span));
        Assert.Equal(SipMethod.Invite, parsed.CSeqMethod);
        Assert.Equal("54.3", TestMessages.HeaderOf(parsed, HeaderId.Timestamp)); // §8.2.6.1
        Assert.Equal(100, tx.LastStatusCode);
    }

    [Fact]
    public void Retransmitted_invite_gets_the_latest_provisional_again_and_never_reaches_the_TU_twice()
    {
        using var h = new TransactionHarness();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        h.Receive(invite);
        var tx = h.User.LastRequest;

        h.AdvanceTo(Ms(500));
        h.Receive(invite);
        Assert.Equal([100, 100], h.Sender.Sent.Select(s => s.Parse().StatusCode));

        Assert.True(tx.SendResponse(180, "Ringing"));
        h.AdvanceTo(S(1.5));
        h.Receive(invite);

        Assert.Equal([100, 100, 180, 180], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Equal(h.Sender.Sent[2].Bytes, h.Sender.Sent[3].Bytes);
        Assert.Equal(tx.LocalTag, System.Text.Encoding.ASCII.GetString(h.Sender.Last.Parse().ToTag.Span));
        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
    }

    [Fact]
    public async Task Udp_final_non2xx_is_retransmitted_by_TimerG_up_to_T2_until_TimerH_times_out()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(486, "Busy Here");
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;
        var completion = tx.Completion;
        Assert.Equal(SipTransactionState.Completed, tx.State);

        h.AdvanceTo(S(40));

        var finals = h.Sender.Sent.Skip(1).ToList(); // after the 100 Trying
        Assert.All(finals, s => Assert.Equal(486, s.Parse().StatusCode));
        // G = 0.5, 1, 2, 4, 4, 4, … (capped at T2); H = 64*T1 = 32 s.
        Assert.Equal([S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(11.5), S(15.5), S(19.5), S(23.5), S(27.5), S(31.5)], finals.Select(s => s.At));
        Assert.True(completion.IsCompleted);
        Assert.Equal(SipTransactionOutcome.Timeout, await Ended(completion));
        Assert.Equal(SipTransactionOutcome.Timeout, tx.Outcome);
        h.AssertDrained();
    }

    [Fact]
    public async Task Ack_confirms_stops_TimerG_absorbs_ack_retransmissions_and_TimerI_ends_it()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        h.Receive(TestMessages.Invite(branch));
        var tx = h.User.LastRequest;
        tx.SendResponse(404, "Not Found");
        var completion = tx.Completion;

        h.AdvanceTo(Ms(700)); // one G retransmission at 0.5 s
        h.Receive(TestMessages.Ack(branch, tx.LocalTag));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        h.AdvanceTo(S(1));
        h.Receive(TestMessages.Ack(branch, tx.LocalTag));

        h.AdvanceTo(Ms(5699));
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(Ms(5700)); // Timer I = T4 after the ACK
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(completion));
        Assert.Equal(3, h.Sender.Count); // 100, 404, one retransmission of the 404
        Assert.Empty(h.User.StrayAcks);
        h.AssertDrained();
    }

    [Fact]
    public void Retransmitted_invite_in_Completed_gets_the_final_response_again()
    {
        using var h = new TransactionHarness();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        h.User.Respond = tx => tx.SendResponse(603, "Decline");
        h.Receive(invite);

        h.AdvanceTo(Ms(200));
        h.Receive(invite);

        Assert.Equal([100, 603, 603], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Equal(Ms(200), h.Sender.Last.At);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public async Task Success_enters_Accepted_RFC6026()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        var invite = TestMessages.Invite(branch);
        h.Receive(invite);
        var tx = h.User.LastRequest;
        var ok = SipResponseFactory.Create(tx.Request, 200, "OK", System.Text.Encoding.ASCII.GetBytes(tx.LocalTag))
            .Header(HeaderId.Contact, "<sip:bob@192.0.2.1:5060>").Finish();

        Assert.True(tx.SendResponse(ok));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.Equal(2, h.Sender.Count);
        // Absorbing needs only the key: the request is released (the TU read what it needed before answering).
        Assert.False(tx.HasRequest);
        Assert.Equal(branch, tx.Branch);

        // Retransmitted INVITE: absorbed, the 2xx is the TU's to retransmit (no Timer G for a 2xx).
        h.AdvanceTo(S(1));
        h.Receive(invite);
        Assert.Equal(2, h.Sender.Count);
        Assert.True(tx.SendResponse(ok)); // the TU's retransmission
        Assert.Equal(3, h.Sender.Count);
        Assert.False(tx.SendResponse(486, "Busy Here"));
        Assert.False(tx.SendResponse(180, "Ringing"));

        // The ACK for a 2xx goes to the TU: with its own branch (a stray) or, from a peer that reuses the INVITE's
        // branch, matched to this transaction and passed up (RFC 6026 §7.1).
        h.Receive(TestMessages.Ack(SipIds.NewBranch(), tx.LocalTag));
        h.Receive(TestMessages.Ack(branch, tx.LocalTag));
        Assert.Equal(2, h.User.StrayAcks.Count);
        Assert.Equal(SipTransactionState.Accepted, tx.State);

        h.AdvanceTo(Ms(31_999));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        h.AdvanceTo(S(32)); // Timer L = 64*T1 from the 2xx at 0
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(tx.Completion));
        Assert.False(tx.SendResponse(ok));
        Assert.Equal(3, h.Sender.Count);
        h.AssertDrained();
    }

    [Fact]
    public void Only_one_final_response_is_sent()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;

        Assert.True(tx.SendResponse(486, "Busy Here"));
        Assert.False(tx.SendResponse(200, "OK"));
        Assert.False(tx.SendResponse(180, "Ringing"));
        Assert.False(tx.SendResponse(500, "Server Internal Error"));

        Assert.Equal([100, 486], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Equal(486, tx.LastStatusCode);
    }

    [Fact]
    public void SendResponse_refuses_bytes_that_are_not_a_response()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;

        Assert.Throws<ArgumentException>(() => tx.SendResponse(TestMessages.Request("OPTIONS", SipIds.NewBranch())));
        Assert.Throws<ArgumentException>(() => tx.SendResponse("SIP/2.0 099 Low\r\n\r\n"u8.ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => tx.SendResponse(700, "Too High"));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
    }

    [Fact]
    public async Task Tcp_has_no_TimerG_and_the_ack_ends_the_transaction_at_once()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        h.User.Respond = tx => tx.SendResponse(486, "Busy Here");
        h.Receive(TestMessages.Invite(branch, transport: "TCP"), SipTransportKind.Tcp);
        var tx = h.User.LastRequest;
        Assert.True(tx.IsReliable);
        Assert.Equal(7, tx.ResponseDestination.ConnectionId);

        h.AdvanceTo(S(10));
        Assert.Equal(2, h.Sender.Count);
        h.Receive(TestMessages.Ack(branch, tx.LocalTag, transport: "TCP"), SipTransportKind.Tcp);

        Assert.Equal(SipTransactionOutcome.Completed, await Ended(tx.Completion)); // Timer I = 0
        h.AssertDrained();
    }

    [Fact]
    public async Task Tcp_TimerH_still_times_out_without_an_ack()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(486, "Busy Here");
        h.Receive(TestMessages.Invite(SipIds.NewBranch(), transport: "TCP"), SipTransportKind.Tcp);
        var completion = h.User.LastRequest.Completion;

        h.AdvanceTo(Ms(31_990));
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(S(32));

        Assert.Equal(SipTransactionOutcome.Timeout, await Ended(completion));
        Assert.Equal(2, h.Sender.Count);
        h.AssertDrained();
    }

    [Fact]
    public async Task Transport_error_on_a_response_ends_the_transaction()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));
        var tx = h.User.LastRequest;
        var completion = tx.Completion;

        h.Sender.Refuse = true;
        Assert.False(tx.SendResponse(180, "Ringing"));

        Assert.Equal(SipTransactionOutcome.TransportError, await Ended(completion));
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        h.AssertDrained();
    }

    [Fact]
    public void Transport_error_on_the_100_Trying_keeps_the_request_from_the_TU()
    {
        using var h = new TransactionHarness();
        h.Sender.Refuse = true;

        h.Receive(TestMessages.Invite(SipIds.NewBranch()));

        Assert.Empty(h.User.Requests);
        h.AssertDrained();
    }
}
