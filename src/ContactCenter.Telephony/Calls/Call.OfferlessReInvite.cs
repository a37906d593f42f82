using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// A re-INVITE without SDP (RFC 3261 §14.2, §13.3.1.4): the 200 carries our offer for the session as it stands, and the
/// ACK brings the peer's answer (§13.2.2.4). Phones send these to refresh a session or to learn our current media (a
/// few use them to take a call off hold). Policy for a broken exchange:
/// <list type="bullet">
/// <item>An ACK without a body breaks §13.2.2.4's MUST, but the peer then changed nothing either: our offer is withdrawn
/// and the previous session goes on, as it would after a refused re-offer.</item>
/// <item>An ACK whose answer we cannot use (malformed, codecs we did not offer, audio rejected) means the peer now
/// believes in a session we cannot run, and an ACK cannot be refused: as §13.2.2.4 asks of a UAC holding an unacceptable
/// offer, the side that cannot accept ends the session — the call is hung up with BYE on every leg, code 488.</item>
/// </list>
/// While the ACK is awaited the offer is outstanding, so a new offer from the peer gets 491 and an engine re-offer (hold,
/// retrieve, session refresh) waits for the ACK like it waits for our own re-INVITE.
/// </summary>
public sealed partial class Call
{
    private void OnOfferlessReInvite(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        if (leg.ReOfferPending)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 491, "Request Pending").Finish());
            return;
        }
        // The session as it stands: the codecs already agreed, sendonly while we hold the peer (its music goes on).
        var offer = leg.CurrentOffer();
        leg.ReOfferPending = true;
        leg.AnswerAwaitedInAck = true;
        var refreshed = RefreshFromPeer(leg, request);
        var okWriter = dialog.CreateResponse(request, 200, "OK").Header(HeaderId.Contact, dialog.LocalContact);
        refreshed?.WriteResponseHeaders(okWriter);
        var ok = okWriter.Finish(offer, "application/sdp");
        transaction.SendResponse(ok);
        var retransmitter = new InviteSuccessRetransmitter(request.CSeq, () => transaction.SendResponse(ok), Engine.Time,
            Engine.Transactions.Timers, _ => Post(() => OnReInviteAckTimeout(leg)));
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);
    }

    /// <summary>The ACK of a 200 that carried our offer: its body is the answer.</summary>
    private void OnAnswerInAck(CallLeg leg, SipMessage ack)
    {
        leg.AnswerAwaitedInAck = false;
        if (ack.Body.IsEmpty)
        {
            leg.Media.CancelOffer();
            Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {Id}: the {leg.Role}'s ACK carried no answer to the offer in our 200; the session stays as it was");
            OnReOfferDone(leg);
            return;
        }
        var negotiation = leg.ApplyAnswer(ack.Body.Span);
        if (!negotiation.IsSuccess)
        {
            HangUpAll();
            End(HangupSide.System, 488, $"the {leg.Role}'s ACK carried no usable SDP answer to the offer in our 200 to its re-INVITE: {negotiation}");
            return;
        }
        ApplyPeerHold(leg, negotiation.Media?.RemoteHold ?? false);
        OnReOfferDone(leg);
    }
}
