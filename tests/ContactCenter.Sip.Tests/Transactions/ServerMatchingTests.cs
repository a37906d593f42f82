using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

/// <summary>RFC 3261 §17.2.3 matching, merged requests (§8.2.2.2), CANCEL (§9.2) and the table's bounds.</summary>
public sealed class ServerMatchingTests
{
    [Fact]
    public void Merged_request_gets_482_and_never_reaches_the_TU()
    {
        using var h = new TransactionHarness();
        var first = TestMessages.Invite(SipIds.NewBranch());
        var forkedBranch = SipIds.NewBranch();
        var forked = TestMessages.Invite(forkedBranch); // same From tag, Call-ID and CSeq, another path

        h.Receive(first);
        h.Receive(forked);

        Assert.Single(h.User.Requests);
        Assert.Equal(2, h.Layer.ServerTransactionCount);
        var loop = h.Sender.Last.Parse();
        Assert.Equal(482, loop.StatusCode);
        Assert.Equal(forkedBranch, Encoding.ASCII.GetString(loop.Branch.Span));
        Assert.True(loop.HasToTag);
        Assert.Equal(2, h.Sender.Count); // the merged INVITE got no 100 Trying

        // The merged request is a transaction of its own: its retransmission gets the 482 again, its ACK confirms it.
        h.Receive(forked);
        Assert.Equal(3, h.Sender.Count);
        Assert.Equal(482, h.Sender.Last.Parse().StatusCode);
        h.Receive(TestMessages.Ack(forkedBranch, Encoding.ASCII.GetString(loop.ToTag.Span)));
        Assert.Empty(h.User.StrayAcks);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void Requests_differing_in_CSeq_or_carrying_a_To_tag_are_not_merged()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), cseq: 1));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), cseq: 2));
        h.Receive(TestMessages.Request("INFO", SipIds.NewBranch(), cseq: 1, toTag: "dialog", cseqMethod: "INFO"));
        h.Receive(TestMessages.Request("INFO", SipIds.NewBranch(), cseq: 1, toTag: "dialog", cseqMethod: "INFO"));

        Assert.Equal(4, h.User.Requests.Count);
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public void A_request_may_reuse_the_From_tag_Call_ID_and_CSeq_once_the_first_transaction_ended()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch()));
        h.AdvanceTo(S(32)); // Timer J

        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch()));

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Equal([200, 200], h.Sender.Sent.Select(s => s.Parse().StatusCode));
    }

    [Fact]
    public void Same_branch_from_another_sent_by_is_another_transaction()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        h.Receive(TestMessages.Request("OPTIONS", branch, sentBy: "192.0.2.10:5060", callId: "a@test"));
        h.Receive(TestMessages.Request("OPTIONS", branch, sentBy: "192.0.2.11:5060", callId: "b@test"));
        h.Receive(TestMessages.Request("OPTIONS", branch, sentBy: "192.0.2.10:5062", callId: "c@test"));

        Assert.Equal(3, h.User.Requests.Count);
    }

    [Fact]
    public void Branch_and_sent_by_host_compare_case_insensitively()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("OPTIONS", "z9hG4bKAbCdEf", sentBy: "Client.Example.COM:5060"));
        h.Receive(TestMessages.Request("OPTIONS", "z9hG4bKabcdef", sentBy: "client.example.com:5060"));

        Assert.Single(h.User.Requests);
    }

    [Fact]
    public void Rfc4475_badbranch_is_matched_by_the_RFC2543_rules()
    {
        // §3.2.1: the branch is just the magic cookie, so it is no RFC 3261 transaction id (§17.2.3).
        using var h = new TransactionHarness();
        var vector = Rfc4475Vectors.Load("badbranch.dat");
        var request = h.Receive(vector);
        Assert.False(request.HasRfc3261Branch);

        h.Receive(vector);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(SipMethod.Options, tx.Method);
        Assert.Empty(h.Sender.Sent); // retransmission in Trying: absorbed

        Assert.True(tx.SendResponse(200, "OK"));
        h.Receive(vector);
        Assert.Equal([200, 200], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Single(h.User.Requests);

        // The same request through another hop (another top Via) is not that transaction: it is merged (§8.2.2.2).
        var otherHop = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(vector).Replace("192.0.2.1;", "192.0.2.99;"));
        h.Receive(otherHop);
        Assert.Single(h.User.Requests);
        Assert.Equal(482, h.Sender.Last.Parse().StatusCode);

        h.AdvanceTo(S(32));
        h.AssertDrained();
    }

    [Fact]
    public void Rfc4475_inv2543_invite_and_its_ack_match_by_the_RFC2543_rules()
    {
        // §3.4.1: no branch, no From tag, no Max-Forwards; a valid INVITE to accept.
        using var h = new TransactionHarness();
        var vector = Rfc4475Vectors.Load("inv2543.dat");
        h.Receive(vector);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(100, h.Sender.Last.Parse().StatusCode);

        h.Receive(vector);
        Assert.Equal([100, 100], h.Sender.Sent.Select(s => s.Parse().StatusCode));

        Assert.True(tx.SendResponse(486, "Busy Here"));
        h.Receive(vector);
        Assert.Equal([100, 100, 486, 486], h.Sender.Sent.Select(s => s.Parse().StatusCode));

        // An ACK with another To tag is not for this response: the TU gets it as a stray.
        h.Receive(Rfc2543Ack("not-our-tag"));
        Assert.Single(h.User.StrayAcks);
        Assert.Equal(SipTransactionState.Completed, tx.State);

        h.Receive(Rfc2543Ack(tx.LocalTag));
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Single(h.User.StrayAcks);
        h.Receive(vector); // Confirmed absorbs the INVITE
        Assert.Equal(4, h.Sender.Count);

        h.AdvanceTo(S(5));
        Assert.Equal(SipTransactionOutcome.Completed, tx.Outcome);
        Assert.Single(h.User.Requests);
        h.AssertDrained();
    }

    [Fact]
    public void Cancel_is_a_transaction_of_its_own_that_points_at_the_invite()
    {
        using var h = new TransactionHarness();
        var branch = SipIds.NewBranch();
        h.Receive(TestMessages.Invite(branch));
        var invite = h.User.LastRequest;

        var cancelBytes = TestMessages.Request("CANCEL", branch);
        h.Receive(cancelBytes);

        Assert.Equal(2, h.User.Requests.Count);
        var cancel = h.User.LastRequest;
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Same(invite, cancel.CancelledTransaction);
        Assert.Same(invite, h.Layer.FindCancelTarget(cancel.Request));
        Assert.Null(invite.CancelledTransaction);
        Assert.Equal(1, h.Sender.Count); // the CANCEL was not taken for an INVITE retransmission

        Assert.True(cancel.SendResponse(200, "OK"));
        Assert.True(invite.SendResponse(487, "Request Terminated"));
        Assert.Equal([100, 200, 487], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Equal(SipMethod.Cancel, h.Sender.Sent[1].Parse().CSeqMethod);

        h.Receive(cancelBytes); // CANCEL retransmission: its own 200 again
        Assert.Equal(200, h.Sender.Last.Parse().StatusCode);
        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public void Cancel_for_an_unknown_invite_has_no_target()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Invite(SipIds.NewBranch()));

        h.Receive(TestMessages.Request("CANCEL", SipIds.NewBranch(), callId: "other@test"));

        var cancel = h.User.LastRequest;
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Null(cancel.CancelledTransaction);
    }

    [Fact]
    public void Rfc2543_cancel_finds_its_invite()
    {
        using var h = new TransactionHarness();
        h.Receive(Rfc4475Vectors.Load("inv2543.dat"));
        var invite = h.User.LastRequest;

        h.Receive(Encoding.ASCII.GetBytes(
            "CANCEL sip:UserB@example.com SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP iftgw.example.com\r\n" +
            "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n" +
            "To: sip:+16505552222@ss1.example.net;user=phone\r\n" +
            "Call-ID: inv2543.1717@ift.client.example.com\r\n" +
            "CSeq: 56 CANCEL\r\n" +
            "Content-Length: 0\r\n\r\n"));

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Same(invite, h.User.LastRequest.CancelledTransaction);
    }

    [Fact]
    public void Ack_matching_nothing_is_stray()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Ack(SipIds.NewBranch(), "uas-1"));
        h.Receive(Rfc2543Ack("uas-1"));

        Assert.Equal(2, h.User.StrayAcks.Count);
        Assert.Empty(h.User.Requests);
        h.AssertDrained();
    }

    [Fact]
    public void Concurrent_copies_of_one_request_create_one_transaction()
    {
        using var h = new TransactionHarness();
        var invite = TestMessages.Invite(SipIds.NewBranch());
        const int Threads = 8, CopiesPerThread = 50;
        var copies = Enumerable.Range(0, Threads).Select(_ =>
            Enumerable.Range(0, CopiesPerThread).Select(_ => TestMessages.Parse(invite)).ToArray()).ToArray();
        using var start = new Barrier(Threads);

        var workers = copies.Select(batch => new Thread(() =>
        {
            start.SignalAndWait();
            foreach (var message in batch) h.Layer.OnMessage(message);
        })).ToList();
        workers.ForEach(t => t.Start());
        Assert.All(workers, t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

        Assert.Single(h.User.Requests);
        Assert.Equal(1, h.Layer.ServerTransactionCount);
        // One 100 Trying for the first copy and the same 100 again for every retransmission.
        Assert.Equal(Threads * CopiesPerThread, h.Sender.Count);
        Assert.All(h.Sender.Sent, s => Assert.Equal(100, s.Parse().StatusCode));
        Assert.Empty(h.CallbackErrors);
    }

    [Fact]
    public void Concurrent_distinct_requests_all_get_a_transaction_and_all_leave_the_table()
    {
        using var h = new TransactionHarness();
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        const int Threads = 4, PerThread = 250;
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var messages = Enumerable.Range(0, PerThread)
                .Select(i => TestMessages.Parse(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: $"c{t}-{i}@test"))).ToArray();
            start.SignalAndWait();
            foreach (var message in messages)
            {
                h.Layer.OnMessage(message);
                h.Layer.OnMessage(message); // and its retransmission
            }
        })).ToList();
        workers.ForEach(t => t.Start());
        Assert.All(workers, t => Assert.True(t.Join(TimeSpan.FromSeconds(30))));

        Assert.Equal(Threads * PerThread, h.User.Requests.Count);
        Assert.Equal(Threads * PerThread, h.Layer.ServerTransactionCount);
        Assert.Equal(2 * Threads * PerThread, h.Sender.Count);
        h.AdvanceTo(S(32));
        h.AssertDrained();
    }

    [Fact]
    public void Beyond_the_transaction_limit_new_requests_get_a_stateless_503()
    {
        using var h = new TransactionHarness(maxServerTransactions: 2);
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "1@test"));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "2@test"));
        var third = TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "3@test");

        h.Receive(third);

        Assert.Equal(2, h.User.Requests.Count);
        Assert.Equal(2, h.Layer.ServerTransactionCount);
        var refused = h.Sender.Last.Parse();
        Assert.Equal(503, refused.StatusCode);
        Assert.Equal("3@test", refused.CallIdString);

        h.User.Requests.First().SendResponse(200, "OK");
        h.AdvanceTo(S(32));
        h.Receive(third);
        Assert.Equal(3, h.User.Requests.Count);
    }

    private static byte[] Rfc2543Ack(string toTag) => Encoding.ASCII.GetBytes(
        "ACK sip:UserB@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP iftgw.example.com\r\n" +
        "From: <sip:+13035551111@ift.client.example.net;user=phone>\r\n" +
        $"To: sip:+16505552222@ss1.example.net;user=phone;tag={toTag}\r\n" +
        "Call-ID: inv2543.1717@ift.client.example.com\r\n" +
        "CSeq: 56 ACK\r\n" +
        "Content-Length: 0\r\n\r\n");
}
