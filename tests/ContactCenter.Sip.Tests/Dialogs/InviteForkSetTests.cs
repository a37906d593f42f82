using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using static ContactCenter.Sip.Tests.Dialogs.DialogMessages;

namespace ContactCenter.Sip.Tests.Dialogs;

public class InviteForkSetTests
{
    private static readonly string[] Proxy = ["<sip:proxy.example.com;lr>"];

    [Fact]
    public void Two_forks_ring_first_2xx_wins_second_2xx_is_acked_and_byed()
    {
        var invite = Parse(Invite(Proxy, cseq: 20));
        var forks = new InviteForkSet(invite);

        Assert.Equal(ForkAction.None, forks.OnResponse(Parse(Response(invite, 100, "Trying", null))).Action);
        var ringA = forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-a", contact: "<sip:bob@192.0.2.31>")));
        var ringB = forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-b", contact: "<sip:bob@192.0.2.32>")));
        Assert.Equal(ForkAction.EarlyDialogCreated, ringA.Action);
        Assert.Equal(ForkAction.EarlyDialogCreated, ringB.Action);
        Assert.NotSame(ringA.Dialog, ringB.Dialog);
        Assert.Equal(2, forks.Forks.Count);
        Assert.All(forks.Forks, d => Assert.Equal(SipDialogState.Early, d.State));
        Assert.Equal(ForkAction.EarlyDialogUpdated, forks.OnResponse(Parse(Response(invite, 183, "Session Progress", "tag-a"))).Action);

        var okB = Parse(Response(invite, 200, "OK", "tag-b", contact: "<sip:bob@192.0.2.32>"));
        var winner = forks.OnResponse(okB);
        Assert.Equal(ForkAction.Confirmed, winner.Action);
        Assert.Same(ringB.Dialog, winner.Dialog);
        Assert.Same(winner.Dialog, forks.Winner);
        Assert.Equal(SipDialogState.Confirmed, winner.Dialog!.State);
        var ack = winner.Dialog.CreateAck(20);
        Assert.Equal("sip:bob@192.0.2.32", Text(Parse(ack).RequestUriBytes));

        // The winner's 2xx again: the ACK was lost, send the same one.
        var again = forks.OnResponse(okB);
        Assert.Equal(ForkAction.ResendAck, again.Action);
        Assert.Same(ack, again.Dialog!.CreateAck(20));

        // Fork A answers too: ACK it, then BYE it (§13.2.2.4).
        var late = forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-a", contact: "<sip:bob@192.0.2.31>")));
        Assert.Equal(ForkAction.AckAndBye, late.Action);
        Assert.Same(ringA.Dialog, late.Dialog);
        Assert.Same(winner.Dialog, forks.Winner);
        var lateAck = Parse(late.Dialog!.CreateAck(20));
        var bye = Parse(late.Dialog.CreateRequest(SipMethod.Bye));
        Assert.Equal("tag-a", Text(lateAck.ToTag));
        Assert.Equal("sip:bob@192.0.2.31", Text(bye.RequestUriBytes));
        Assert.Equal(21u, bye.CSeq);
        Assert.Equal(SipMethod.Bye, bye.Method);

        // Provisional responses after the winner change nothing.
        Assert.Equal(ForkAction.None, forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-c"))).Action);
    }

    [Fact]
    public void A_2xx_from_a_fork_that_never_rang_after_the_winner_creates_a_dialog_to_ack_and_bye()
    {
        var invite = Parse(Invite());
        var forks = new InviteForkSet(invite);
        Assert.Equal(ForkAction.Confirmed, forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-a"))).Action);
        var late = forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-z")));
        Assert.Equal(ForkAction.AckAndBye, late.Action);
        Assert.Equal(SipDialogState.Confirmed, late.Dialog!.State);
        Assert.Equal("tag-z", late.Dialog.RemoteTag);
        // Its retransmission is absorbed with the same ACK, not a second BYE.
        Assert.Equal(ForkAction.ResendAck, forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-z"))).Action);
    }

    [Fact]
    public void Failure_before_any_2xx_ends_every_early_dialog()
    {
        var invite = Parse(Invite());
        var forks = new InviteForkSet(invite);
        var a = forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-a"))).Dialog!;
        var b = forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-b"))).Dialog!;
        Assert.Equal(ForkAction.Failed, forks.OnResponse(Parse(Response(invite, 486, "Busy Here", "tag-c"))).Action);
        Assert.Equal(SipDialogState.Terminated, a.State);
        Assert.Equal(SipDialogState.Terminated, b.State);
        Assert.Null(forks.Winner);
    }

    [Fact]
    public void Ending_unanswered_forks_leaves_the_winner()
    {
        var invite = Parse(Invite());
        var forks = new InviteForkSet(invite);
        var a = forks.OnResponse(Parse(Response(invite, 180, "Ringing", "tag-a"))).Dialog!;
        var b = forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-b"))).Dialog!;
        Assert.Equal([a], forks.EndUnansweredForks());
        Assert.Equal(SipDialogState.Terminated, a.State);
        Assert.Equal(SipDialogState.Confirmed, b.State);
    }

    [Fact]
    public void Responses_to_other_requests_and_unusable_2xx_are_told_apart()
    {
        var invite = Parse(Invite(cseq: 5));
        var forks = new InviteForkSet(invite);
        Assert.Equal(ForkAction.None, forks.OnResponse(Parse(Response(Parse(Invite(cseq: 6)), 200, "OK", "x"))).Action);
        Assert.Equal(ForkAction.None, forks.OnResponse(Parse(Response(Parse(Invite(callId: "other")), 200, "OK", "x"))).Action);
        Assert.Equal(ForkAction.None, forks.OnResponse(Parse(Response(invite, 180, "Ringing", null))).Action);
        var noContact = forks.OnResponse(Parse(Response(invite, 200, "OK", "tag-a", contact: null)));
        Assert.Equal(ForkAction.Invalid, noContact.Action);
        Assert.Equal(DialogCreationError.MissingOrInvalidContact, noContact.Error);
        Assert.Null(forks.Winner);
        Assert.Throws<ArgumentException>(() => new InviteForkSet(Parse(InDialogRequest("BYE", 1, "t"))));
    }
}
