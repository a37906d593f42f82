using System.Text;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>Requests inside a leg's dialog (BYE, re-INVITE, UPDATE, INFO, REFER), ACKs, and our INVITEs' responses.</summary>
public sealed partial class Call
{
    internal void OnOutboundResponse(OutboundLeg leg, SipMessage response) => leg.Attempt?.OnResponse(leg, response);

    internal void OnOutboundInviteDone(OutboundLeg leg, SipTransactionOutcome outcome) => leg.Attempt?.OnInviteDone(leg, outcome);

    /// <summary>A 2xx retransmission that outlived our INVITE client transaction: ACK again (or hang up a stray dialog).</summary>
    internal void OnStrayResponse(SipMessage response)
    {
        if (response.CSeqMethod != SipMethod.Invite || response.StatusCode is < 200 or >= 300) return;
        if (!_legsByCallId.TryGetValue(response.CallIdString, out var leg)) return;
        if (leg.Dialog is { } dialog && LateInviteAnswers.IsRetransmissionFor(dialog, response))
        {
            // Our ACK was lost (initial INVITE or a re-INVITE of ours): the same ACK again.
            if (dialog.State != SipDialogState.Terminated) Engine.Transport.Send(dialog.CreateAck(response.CSeq), leg.Destination);
        }
        else if (leg is OutboundLeg outbound) outbound.AckAndBye(response);
    }

    internal void OnAck(SipMessage ack)
    {
        if (!_legsByCallId.TryGetValue(ack.CallIdString, out var leg) || leg.Dialog is not { } dialog) return;
        if (dialog.AcceptAck(ack) != AckMatch.Awaited) return;
        if (leg is InboundLeg { OfferInAnswer: true } delayed)
        {
            // The answer to the offer our 200 carried (RFC 3264 §4): without one there is no media, so the call ends.
            delayed.OfferInAnswer = false;
            var negotiation = ack.Body.IsEmpty ? null : delayed.ApplyAnswer(ack.Body.Span);
            if (negotiation is not { IsSuccess: true })
            {
                HangUpAll();
                End(HangupSide.System, 488, "the caller's ACK carried no usable SDP answer to our offer" + (negotiation is null ? "" : ": " + negotiation));
                return;
            }
        }
        else if (leg.AnswerAwaitedInAck)
        {
            OnAnswerInAck(leg, ack);
            if (State == CallState.Ended) return;
        }
        if (ReferenceEquals(leg, _a) && State == CallState.Answered) State = CallState.Talking;
    }

    internal void OnInDialogRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!_legsByCallId.TryGetValue(request.CallIdString, out var leg) || leg.Dialog is not { } dialog || State == CallState.Ended
            || dialog.State == SipDialogState.Terminated)
        {
            transaction.SendResponse(481, "Call/Transaction Does Not Exist");
            return;
        }
        switch (dialog.CheckIncomingRequest(request))
        {
            case DialogRequestVerdict.OutOfOrder:
                transaction.SendResponse(500, "Server Internal Error");
                return;
            case DialogRequestVerdict.DialogTerminated:
                transaction.SendResponse(481, "Call/Transaction Does Not Exist");
                return;
        }
        switch (request.Method)
        {
            case SipMethod.Bye:
                transaction.SendResponse(dialog.CreateResponse(request, 200, "OK").Finish());
                dialog.Terminate();
                OnBye(leg);
                return;
            case SipMethod.Invite:
                OnReInvite(transaction, leg, dialog);
                return;
            case SipMethod.Update:
                OnUpdate(transaction, leg, dialog);
                return;
            case SipMethod.Info:
                OnInfo(transaction, leg, dialog);
                return;
            case SipMethod.Refer:
                OnRefer(transaction, leg, dialog);
                return;
            case SipMethod.Options:
                transaction.SendResponse(dialog.CreateResponse(request, 200, "OK").Header(HeaderId.Allow, CallEngine.AllowHeader).Finish());
                return;
            default:
                transaction.SendResponse(dialog.CreateResponse(request, 501, "Not Implemented").Header(HeaderId.Allow, CallEngine.AllowHeader).Finish());
                return;
        }
    }

    private void OnBye(CallLeg leg)
    {
        leg.EndedAt = Engine.Time.GetUtcNow();
        if (OnConsultedBye(leg)) return;
        if (InConference && _members.Contains(leg)) OnConferenceMemberLeft(leg, "hung up");
        else if (ReferenceEquals(leg, _transferor)) OnOtherLegBye(leg);
        else if (ReferenceEquals(leg, _a))
        {
            HangUpAll();
            End(HangupSide.Caller, 200, $"BYE from the {leg.Role}");
        }
        else if (ReferenceEquals(leg, _b))
        {
            HangUpAll();
            End(HangupSide.Callee, 200, $"BYE from the {leg.Role}");
        }
        else OnOtherLegBye(leg);
    }

    /// <summary>
    /// A re-INVITE from either side is answered by that side's media leg: session refreshes and codec or address changes
    /// stay between that phone and us; one without SDP gets our offer in the 200 (see Call.OfferlessReInvite.cs). A hold offer (sendonly, inactive, c=0.0.0.0) unbridges the call and plays music on
    /// hold to the other party until the phone takes the call back.
    /// </summary>
    private void OnReInvite(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        if (State is not (CallState.Answered or CallState.Talking or CallState.Queued))
        {
            transaction.SendResponse(dialog.CreateResponse(request, 488, "Not Acceptable Here").Finish());
            return;
        }
        if (request.Body.IsEmpty)
        {
            OnOfferlessReInvite(transaction, leg, dialog);
            return;
        }
        if (AcceptPeerOffer(transaction, leg, dialog) is not { } negotiation)
            return;
        leg.Codec = negotiation.Media?.Codec.Name;
        var ok = RefreshOk(transaction, leg, dialog).Finish(negotiation.AnswerBytes(), "application/sdp");
        transaction.SendResponse(ok);
        var retransmitter = new InviteSuccessRetransmitter(request.CSeq, () => transaction.SendResponse(ok), Engine.Time,
            Engine.Transactions.Timers, _ => Post(() => OnReInviteAckTimeout(leg)));
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);
        ApplyPeerHold(leg, negotiation.Media?.RemoteHold ?? false);
    }

    private void OnUpdate(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        if (request.Body.IsEmpty)
        {
            // A session refresh (RFC 4028) or a target refresh without an offer.
            transaction.SendResponse(RefreshOk(transaction, leg, dialog).Finish());
            return;
        }
        if (AcceptPeerOffer(transaction, leg, dialog) is not { } negotiation)
            return;
        transaction.SendResponse(RefreshOk(transaction, leg, dialog).Finish(negotiation.AnswerBytes(), "application/sdp"));
        if (State is CallState.Answered or CallState.Talking) ApplyPeerHold(leg, negotiation.Media?.RemoteHold ?? false);
    }

    /// <summary>
    /// The peer's offer in a re-INVITE or UPDATE, answered; or null after refusing it: 491 while our own offer is
    /// outstanding (our re-INVITE, or our 200 awaiting its ACK: offers crossed, RFC 3261 §14.2, RFC 3311 §5.2), 488 when
    /// it cannot be accepted. A refusal leaves the session as it was.
    /// </summary>
    private static MediaNegotiation? AcceptPeerOffer(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        if (leg.ReOfferPending)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 491, "Request Pending").Finish());
            return null;
        }
        var negotiation = leg.Media.AcceptOffer(request.Body.Span);
        if (!negotiation.IsSuccess)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 488, "Not Acceptable Here").Finish());
            return null;
        }
        return negotiation;
    }

    /// <summary>A 200 to a target refresh: our Contact, and the session-timer headers the refresh agreed (RFC 4028).</summary>
    private SipMessageWriter RefreshOk(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        var refreshed = RefreshFromPeer(leg, request);
        var writer = dialog.CreateResponse(request, 200, "OK").Header(HeaderId.Contact, dialog.LocalContact);
        refreshed?.WriteResponseHeaders(writer);
        return writer;
    }

    private void OnReInviteAckTimeout(CallLeg leg)
    {
        if (State == CallState.Ended) return;
        HangUpAll();
        End(HangupSide.System, 408, $"no ACK from the {leg.Role} for our 200 to its re-INVITE");
    }

    /// <summary>The other connected leg of <paramref name="leg"/> (A for B, B for A), or null.</summary>
    private CallLeg? PartnerOf(CallLeg leg) =>
        ReferenceEquals(leg, _a) ? _b : ReferenceEquals(leg, _b) ? _a : null;

    /// <summary>Ends every leg of the call on the wire: connected ones with BYE, pending ones with CANCEL or a final response.</summary>
    private void HangUpAll()
    {
        _dialing?.Cancel();
        foreach (var leg in _legs) leg.HangUp();
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
