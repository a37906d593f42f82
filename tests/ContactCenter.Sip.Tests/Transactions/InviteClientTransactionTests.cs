using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class InviteClientTransactionTests
{
    [Fact]
    public void Udp_TimerA_doubles_without_cap_until_TimerB_gives_the_TU_a_local_408()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        var tx = h.Layer.SendRequest(invite, UdpServer, user);
        Assert.Equal(SipTransactionState.Calling, tx.State);

        h.AdvanceTo(S(40));

        // A = T1, 2T1, 4T1, … (no T2 cap for INVITE): sends at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s; B = 64*T1 = 32 s.
        Assert.Equal([S(0), S(0.5), S(1.5), S(3.5), S(7.5), S(15.5), S(31.5)], h.Sender.Times);
        Assert.All(h.Sender.Sent, s => Assert.Equal(invite, s.Bytes));
        Assert.All(h.Sender.Sent, s => Assert.Equal(UdpServer, s.Destination));
        var timeout = Assert.Single(user.Responses);
        Assert.Equal(408, timeout.StatusCode);
        Assert.Null(timeout.Source); // built locally
        Assert.Equal(SipTransactionOutcome.Timeout, user.Outcome);
        Assert.Equal(S(32), user.TerminatedAt);
        Assert.Equal(0, user.ClientCountAtTermination);
        Assert.Equal(SipTransactionState.Terminated, tx.State);
        Assert.Same(timeout, tx.FinalResponse);
        h.AssertDrained();
    }

    [Fact]
    public void Provisional_response_stops_retransmissions_and_TimerB()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        var tx = h.Layer.SendRequest(invite, UdpServer, user);

        h.AdvanceTo(Ms(700)); // one retransmission at 0.5 s
        h.Receive(TestMessages.ResponseTo(invite, 180, "Ringing", "uas-1"));
        h.AdvanceTo(S(120));

        Assert.Equal([S(0), S(0.5)], h.Sender.Times);
        Assert.Equal([180], user.StatusCodes);
        Assert.Null(user.Outcome); // Proceeding waits for the TU to CANCEL: Timer B covers Calling only
        Assert.Equal(SipTransactionState.Proceeding, tx.State);

        h.Receive(TestMessages.ResponseTo(invite, 487, "Request Terminated", "uas-1"));
        Assert.Equal([180, 487], user.StatusCodes);
        Assert.Equal(SipTransactionState.Completed, tx.State);
    }

    [Fact]
    public void Non2xx_final_response_is_acked_retransmissions_reack_and_TimerD_ends_the_transaction()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch(), cseq: 42);
        var tx = h.Layer.SendRequest(invite, UdpServer, user);
        var response = TestMessages.ResponseTo(invite, 486, "Busy Here", "uas-7");

        h.AdvanceTo(Ms(100));
        h.Receive(response);

        Assert.Equal([486], user.StatusCodes);
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Assert.Equal(2, h.Sender.Count);
        var ack = h.Sender.Last.Parse();
        var original = TestMessages.ParseLocal(invite);
        Assert.Equal(SipMethod.Ack, ack.Method);
        Assert.Equal("sip:bob@example.com", System.Text.Encoding.ASCII.GetString(ack.RequestUriBytes.Span));
        Assert.Equal(tx.Branch, System.Text.Encoding.ASCII.GetString(ack.Branch.Span));
        Assert.Equal(1, ack.CountValues(HeaderId.Via));
        Assert.Equal("uas-7", System.Text.Encoding.ASCII.GetString(ack.ToTag.Span));
        Assert.Equal("from-1", System.Text.Encoding.ASCII.GetString(ack.FromTag.Span));
        Assert.Equal(original.CallIdString, ack.CallIdString);
        Assert.Equal(42u, ack.CSeq);
        Assert.Equal(SipMethod.Ack, ack.CSeqMethod);
        Assert.Equal(TestMessages.HeaderOf(original, HeaderId.Route), TestMessages.HeaderOf(ack, HeaderId.Route));
        Assert.Equal(0, ack.Body.Length);
        Assert.Equal(UdpServer, h.Sender.Last.Destination);

        // A lost ACK: the retransmitted 486 is ACKed again and not shown to the TU.
        h.AdvanceTo(S(2));
        h.Receive(response);
        Assert.Equal(3, h.Sender.Count);
        Assert.Equal(h.Sender.Sent[1].Bytes, h.Sender.Last.Bytes);
        Assert.Equal([486], user.StatusCodes);

        h.AdvanceTo(Ms(32_099)); // Timer D = 32 s from 0.1 s
        Assert.Null(user.Outcome);
        h.AdvanceTo(Ms(32_100));
        Assert.Equal(SipTransactionOutcome.Completed, user.Outcome);
        Assert.Equal(3, h.Sender.Count); // Timer A stopped at the final response
        h.AssertDrained();

        // After termination a retransmission matches nothing: it is a stray for the core to drop.
        h.Receive(response);
        Assert.Single(h.User.StrayResponses);
    }

    [Fact]
    public void Success_enters_Accepted_passes_every_2xx_up_unacked_and_TimerM_ends_it()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        var tx = h.Layer.SendRequest(invite, UdpServer, user);

        h.Receive(TestMessages.ResponseTo(invite, 200, "OK", "uas-a"));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        h.AdvanceTo(S(5));
        h.Receive(TestMessages.ResponseTo(invite, 200, "OK", "uas-a"));   // retransmission
        h.Receive(TestMessages.ResponseTo(invite, 200, "OK", "uas-b"));   // another fork
        h.Receive(TestMessages.ResponseTo(invite, 486, "Busy Here", "uas-c")); // not a 2xx: dropped

        Assert.Equal([200, 200, 200], user.StatusCodes);
        Assert.Equal("uas-b", System.Text.Encoding.ASCII.GetString(user.Responses[2].ToTag.Span));
        Assert.Equal(1, h.Sender.Count); // no retransmission, no ACK: the TU ACKs a 2xx
        // Absorbing needs only the key: the request and the 2xx (the TU has it) are released, the status stays.
        Assert.Equal(200, tx.FinalStatusCode);
        Assert.Null(tx.FinalResponse);
        Assert.False(tx.HasRequest);
        Assert.Null(tx.CreateCancel()); // nothing left to cancel

        h.AdvanceTo(Ms(31_999));
        Assert.Null(user.Outcome);
        h.AdvanceTo(S(32)); // Timer M = 64*T1
        Assert.Equal(SipTransactionOutcome.Completed, user.Outcome);
        h.AssertDrained();

        h.Receive(TestMessages.ResponseTo(invite, 200, "OK", "uas-a"));
        Assert.Equal(200, Assert.Single(h.User.StrayResponses).StatusCode);
    }

    [Fact]
    public void Tcp_sends_once_and_a_non2xx_ends_the_transaction_right_after_the_ack()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch(), transport: "TCP");
        var tx = h.Layer.SendRequest(invite, TcpServer, user);
        Assert.True(tx.IsReliable);

        h.AdvanceTo(S(20));
        Assert.Equal(1, h.Sender.Count);
        h.Receive(TestMessages.ResponseTo(invite, 603, "Decline", "uas-1"), SipTransportKind.Tcp);

        Assert.Equal(2, h.Sender.Count);
        Assert.Equal(SipMethod.Ack, h.Sender.Last.Parse().Method);
        Assert.Equal(TcpServer, h.Sender.Last.Destination);
        Assert.Equal(SipTransactionOutcome.Completed, user.Outcome); // Timer D = 0
        Assert.Equal(S(20), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void Tcp_TimerB_still_times_out()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        h.Layer.SendRequest(TestMessages.Invite(SipIds.NewBranch(), transport: "TCP"), TcpServer, user);

        h.AdvanceTo(S(40));

        Assert.Equal(1, h.Sender.Count);
        Assert.Equal([408], user.StatusCodes);
        Assert.Equal(SipTransactionOutcome.Timeout, user.Outcome);
        Assert.Equal(S(32), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void Configured_T1_scales_TimerA_and_TimerB()
    {
        using var h = new TransactionHarness(new SipTimerSettings { T1 = Ms(100), T2 = S(1) });
        var user = h.NewClientUser();
        h.Layer.SendRequest(TestMessages.Invite(SipIds.NewBranch()), UdpServer, user);

        h.AdvanceTo(S(10));

        Assert.Equal([Ms(0), Ms(100), Ms(300), Ms(700), Ms(1500), Ms(3100), Ms(6300)], h.Sender.Times);
        Assert.Equal(Ms(6400), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void Transport_error_on_the_first_send_gives_a_local_503()
    {
        using var h = new TransactionHarness();
        h.Sender.Refuse = true;
        var user = h.NewClientUser();

        var tx = h.Layer.SendRequest(TestMessages.Invite(SipIds.NewBranch()), UdpServer, user);

        Assert.Equal([503], user.StatusCodes);
        Assert.Null(user.Responses[0].Source);
        Assert.Equal(SipTransactionOutcome.TransportError, user.Outcome);
        Assert.Equal(SipTransactionOutcome.TransportError, tx.Outcome);
        h.AssertDrained();
    }

    [Fact]
    public void Transport_error_on_a_retransmission_ends_the_transaction()
    {
        using var h = new TransactionHarness();
        var user = h.NewClientUser();
        h.Layer.SendRequest(TestMessages.Invite(SipIds.NewBranch()), UdpServer, user);

        h.Sender.Refuse = true;
        h.AdvanceTo(S(1));

        Assert.Equal([503], user.StatusCodes);
        Assert.Equal(SipTransactionOutcome.TransportError, user.Outcome);
        Assert.Equal(Ms(500), user.TerminatedAt);
        h.AssertDrained();
    }

    [Fact]
    public void Cancel_is_its_own_transaction_and_responses_match_by_CSeq_method()
    {
        using var h = new TransactionHarness();
        var inviteUser = h.NewClientUser();
        var cancelUser = h.NewClientUser();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        var inviteTx = h.Layer.SendRequest(invite, UdpServer, inviteUser);
        h.Receive(TestMessages.ResponseTo(invite, 180, "Ringing", "uas-1"));

        var cancel = inviteTx.CreateCancel()!;
        var cancelTx = h.Layer.SendRequest(cancel, inviteTx.Destination, cancelUser);
        Assert.Equal(inviteTx.Branch, cancelTx.Branch);
        Assert.Equal(2, h.Layer.ClientTransactionCount);

        h.Receive(TestMessages.ResponseTo(cancel, 200, "OK", "uas-1"));
        Assert.Equal([200], cancelUser.StatusCodes);
        Assert.Equal([180], inviteUser.StatusCodes);

        h.Receive(TestMessages.ResponseTo(invite, 487, "Request Terminated", "uas-1"));
        Assert.Equal([180, 487], inviteUser.StatusCodes);
        Assert.Equal(SipMethod.Ack, h.Sender.Last.Parse().Method);

        h.AdvanceTo(S(40));
        Assert.Equal(SipTransactionOutcome.Completed, cancelUser.Outcome);
        Assert.Equal(SipTransactionOutcome.Completed, inviteUser.Outcome);
        h.AssertDrained();
    }

    [Fact]
    public void CreateCancel_copies_the_invite_fields_RFC3261_9_1()
    {
        using var h = new TransactionHarness();
        var invite = TestMessages.Invite(SipIds.NewBranch(), cseq: 9);
        var tx = h.Layer.SendRequest(invite, UdpServer, h.NewClientUser());

        var cancel = TestMessages.ParseLocal(tx.CreateCancel()!);
        var original = tx.Request;

        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Equal(original.RequestUriBytes.ToArray(), cancel.RequestUriBytes.ToArray());
        Assert.Equal(1, cancel.CountValues(HeaderId.Via));
        Assert.Equal(original.Branch.ToArray(), cancel.Branch.ToArray());
        Assert.Equal(9u, cancel.CSeq);
        Assert.Equal(SipMethod.Cancel, cancel.CSeqMethod);
        Assert.Equal(TestMessages.HeaderOf(original, HeaderId.From), TestMessages.HeaderOf(cancel, HeaderId.From));
        Assert.Equal(TestMessages.HeaderOf(original, HeaderId.To), TestMessages.HeaderOf(cancel, HeaderId.To));
        Assert.Equal(original.CallIdString, cancel.CallIdString);
        Assert.Equal(TestMessages.HeaderOf(original, HeaderId.Route), TestMessages.HeaderOf(cancel, HeaderId.Route));
        Assert.Equal(0, cancel.Body.Length);
    }
}
