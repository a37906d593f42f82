using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using static ContactCenter.Sip.Tests.Transactions.TransactionHarness;

namespace ContactCenter.Sip.Tests.Transactions;

public sealed class NonInviteServerTransactionTests
{
    [Fact]
    public void Retransmissions_are_absorbed_in_Trying_and_answered_with_the_last_response_afterwards()
    {
        using var h = new TransactionHarness();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch());

        h.Receive(options);
        var tx = Assert.Single(h.User.Requests);
        Assert.Equal(SipTransactionState.Trying, tx.State);
        Assert.Empty(h.Sender.Sent); // no 100 for non-INVITE

        h.AdvanceTo(Ms(500));
        h.Receive(options);
        Assert.Empty(h.Sender.Sent);

        Assert.True(tx.SendResponse(100, "Trying"));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        h.AdvanceTo(Ms(1500));
        h.Receive(options);
        Assert.Equal([100, 100], h.Sender.Sent.Select(s => s.Parse().StatusCode));

        Assert.True(tx.SendResponse(200, "OK"));
        Assert.Equal(SipTransactionState.Completed, tx.State);
        Assert.False(tx.SendResponse(500, "Server Internal Error"));
        h.AdvanceTo(S(3.5));
        h.Receive(options);
        Assert.Equal([100, 100, 200, 200], h.Sender.Sent.Select(s => s.Parse().StatusCode));
        Assert.Equal(h.Sender.Sent[2].Bytes, h.Sender.Sent[3].Bytes);
        Assert.Single(h.User.Requests);
    }

    [Fact]
    public async Task TimerJ_keeps_the_final_response_for_64_T1_over_udp()
    {
        using var h = new TransactionHarness();
        var options = TestMessages.Request("OPTIONS", SipIds.NewBranch());
        h.User.Respond = tx => tx.SendResponse(200, "OK");
        h.Receive(options);
        var completion = h.User.LastRequest.Completion;

        h.AdvanceTo(Ms(31_990));
        h.Receive(options);
        Assert.Equal(2, h.Sender.Count);
        Assert.False(completion.IsCompleted);
        h.AdvanceTo(S(32));
        Assert.Equal(SipTransactionOutcome.Completed, await Ended(completion));
        h.AssertDrained();

        // Once the transaction is gone the same request is new again (RFC 3261 §17.2.2).
        h.Receive(options);
        Assert.Equal(2, h.User.Requests.Count);
    }

    [Fact]
    public async Task Tcp_TimerJ_is_zero()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("REGISTER", SipIds.NewBranch(), transport: "TCP"), SipTransportKind.Tcp);
        var tx = h.User.LastRequest;

        Assert.True(tx.SendResponse(401, "Unauthorized"));

        Assert.Equal(SipTransactionOutcome.Completed, await Ended(tx.Completion));
        Assert.Equal(SipTransportKind.Tcp, h.Sender.Last.Destination.Transport);
        h.AssertDrained();
    }

    [Fact]
    public void Transport_error_on_the_final_response_ends_the_transaction()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("BYE", SipIds.NewBranch(), toTag: "uas-1"));
        var tx = h.User.LastRequest;

        h.Sender.Refuse = true;

        Assert.False(tx.SendResponse(200, "OK"));
        Assert.Equal(SipTransactionOutcome.TransportError, tx.Outcome);
        h.AssertDrained();
    }

    [Fact]
    public void Response_to_a_request_with_a_To_tag_keeps_it_and_one_without_gets_the_local_tag()
    {
        using var h = new TransactionHarness();
        h.Receive(TestMessages.Request("BYE", SipIds.NewBranch(), toTag: "dialog-tag"));
        h.Receive(TestMessages.Request("OPTIONS", SipIds.NewBranch(), callId: "other@test"));
        var bye = h.User.Requests.First();
        var options = h.User.LastRequest;

        bye.SendResponse(200, "OK");
        options.SendResponse(200, "OK");

        Assert.Equal("dialog-tag", System.Text.Encoding.ASCII.GetString(h.Sender.Sent[0].Parse().ToTag.Span));
        Assert.Equal(options.LocalTag, System.Text.Encoding.ASCII.GetString(h.Sender.Sent[1].Parse().ToTag.Span));
        Assert.NotEqual(bye.LocalTag, options.LocalTag);
    }
}
