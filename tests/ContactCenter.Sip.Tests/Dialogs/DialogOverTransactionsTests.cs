using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Transactions;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

/// <summary>
/// The dialog layer on the real transaction layer (fake clock, recording transport): the 2xx re-sent through the
/// Accepted INVITE server transaction until the ACK comes up as a stray ACK; the UAC ACKing a 2xx and its retransmissions,
/// first from the client transaction (RFC 6026 Accepted), then as stray responses.
/// </summary>
public class DialogOverTransactionsTests
{
    [Fact]
    public void Uas_2xx_is_resent_through_the_accepted_transaction_until_the_stray_ack()
    {
        using var h = new TransactionHarness();
        var table = new SipDialogTable();
        var router = new DialogMessageRouter(table);
        h.Receive(Invite(["<sip:p1.example.com;lr>"], cseq: 314));
        var tx = h.User.LastRequest;

        var dialog = Uas(tx.Request, tx.LocalTag);
        Assert.True(table.TryAdd(dialog));
        var okWriter = SipResponseFactory.Create(tx.Request, 200, "OK", System.Text.Encoding.ASCII.GetBytes(tx.LocalTag));
        okWriter.CopyHeaders(tx.Request, HeaderId.RecordRoute).Header(HeaderId.Contact, BobContact);
        var ok = okWriter.Finish();
        Assert.True(tx.SendResponse(ok));
        var timedOut = 0;
        var retransmitter = new InviteSuccessRetransmitter(314, () => tx.SendResponse(ok), h.Time, h.Layer.Timers, _ => timedOut++);
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);

        h.AdvanceTo(TimeSpan.FromMilliseconds(1600));
        Assert.Equal(["SIP/2.0 100 Trying", "SIP/2.0 200 OK", "SIP/2.0 200 OK", "SIP/2.0 200 OK"], h.Sender.Sent.Select(s => s.StartLine));
        Assert.Equal(TimeSpan.FromMilliseconds(500), h.Sender.Sent[2].At);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), h.Sender.Sent[3].At);

        h.Receive(InDialogRequest("ACK", 314, tx.LocalTag, branch: "z9hG4bKack2xx"));
        var ack = Assert.Single(h.User.StrayAcks);
        var routed = router.RouteAck(ack);
        Assert.Same(dialog, routed.Dialog);
        Assert.Equal(AckMatch.Awaited, routed.Match);

        h.AdvanceTo(TimeSpan.FromSeconds(40));
        Assert.Equal(4, h.Sender.Count);
        Assert.Equal(0, timedOut);
        Assert.Equal(SipDialogState.Confirmed, dialog.State);
        h.AssertDrained();
    }

    [Fact]
    public void Uas_without_ack_gives_up_after_64_t1_and_ends_with_bye()
    {
        using var h = new TransactionHarness();
        h.Receive(Invite(cseq: 1));
        var tx = h.User.LastRequest;
        var dialog = Uas(tx.Request, tx.LocalTag);
        var ok = SipResponseFactory.Create(tx.Request, 200, "OK", System.Text.Encoding.ASCII.GetBytes(tx.LocalTag))
            .Header(HeaderId.Contact, BobContact).Finish();
        tx.SendResponse(ok);
        byte[]? bye = null;
        var retransmitter = new InviteSuccessRetransmitter(1, () => tx.SendResponse(ok), h.Time, h.Layer.Timers, _ =>
        {
            bye = dialog.CreateRequest(SipMethod.Bye);
            dialog.Terminate();
        });
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);

        h.AdvanceTo(TimeSpan.FromSeconds(33));
        Assert.NotNull(bye);
        Assert.Equal(SipMethod.Bye, Parse(bye).Method);
        Assert.Equal(SipDialogState.Terminated, dialog.State);
        Assert.Equal(10, retransmitter.Retransmissions);
    }

    [Fact]
    public void Uac_acks_the_2xx_and_its_retransmissions_inside_and_after_the_transaction()
    {
        using var h = new TransactionHarness();
        var table = new SipDialogTable();
        var router = new DialogMessageRouter(table);
        var inviteBytes = Invite(cseq: 1, branch: ContactCenter.Sip.Transactions.SipIds.NewBranch());
        var invite = Parse(inviteBytes);
        var client = h.NewClientUser();
        h.Layer.SendRequest(inviteBytes, TransactionHarness.UdpServer, client);
        var forks = new InviteForkSet(invite);

        var okBytes = Response(invite, 200, "OK", "bob-tag");
        h.Receive(okBytes);
        var decision = forks.OnResponse(client.Responses[^1]);
        Assert.Equal(ForkAction.Confirmed, decision.Action);
        Assert.True(table.TryAdd(decision.Dialog!));
        var ack = decision.Dialog!.CreateAck(invite.CSeq);
        h.Sender.Send(ack, TransactionHarness.UdpServer);

        // Retransmitted while the client transaction is Accepted: it reaches us through the transaction.
        h.Receive(okBytes);
        Assert.Equal(ForkAction.ResendAck, forks.OnResponse(client.Responses[^1]).Action);

        // After Timer M the transaction is gone: the 2xx arrives as a stray response.
        h.AdvanceTo(TimeSpan.FromSeconds(33));
        h.Receive(okBytes);
        var stray = Assert.Single(h.User.StrayResponses);
        var routed = router.RouteResponse(stray);
        Assert.Equal(StrayResponseAction.ResendAck, routed.Action);
        Assert.Same(ack, routed.Ack);
        h.AssertDrained();
    }
}
