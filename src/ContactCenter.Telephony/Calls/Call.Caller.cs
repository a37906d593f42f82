using System.Text;
using ContactCenter.Events;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>The caller's side: the INVITE we answer, its CANCEL, the ACK of our 200, and in-dialog requests.</summary>
public sealed partial class Call
{
    internal void Start(ServerTransaction invite) => Post(() => OnInvite(invite));

    private void OnInvite(ServerTransaction invite)
    {
        _callerInvite = invite;
        var request = invite.Request;
        _callerDestination = invite.ResponseDestination;
        var local = request.Source?.LocalEndPoint;
        var transport = request.Source?.Transport ?? SipTransportKind.Udp;
        Caller = CallerOf(request);
        Callee = request.RequestUri.UserString;
        _callerLocalVia = SipAddresses.Via(transport, local);
        _callerLocalContact = SipAddresses.Contact(Callee, transport, local);

        _engine.Cdr?.Begin(Id, CallDirection.Internal, Caller, Callee, StartedAt);
        Publish(CallEventTypes.Created);

        // The caller is known by its From user and must call from where it registered; Digest on INVITE (407) comes next.
        if (Caller.Length == 0 || !_engine.IsExtension(Caller))
        {
            RejectCaller(403, "Forbidden", HangupSide.System);
            return;
        }
        if (_engine.Options.RequireRegisteredCaller && !IsFromRegisteredSource(request))
        {
            RejectCaller(403, "Caller Not Registered From This Address", HangupSide.System);
            return;
        }
        if (Callee.Length == 0 || !_engine.IsExtension(Callee))
        {
            RejectCaller(404, "Not Found", HangupSide.System);
            return;
        }
        var bindings = _engine.Location.Lookup(Callee);
        if (bindings.Count == 0)
        {
            RejectCaller(480, "Temporarily Unavailable", HangupSide.System);
            return;
        }
        if (request.MaxForwards is >= 0 and <= 1)
        {
            // We forward with one hop less (§16.6): a contact that leads back to us ends here instead of looping.
            RejectCaller(483, "Too Many Hops", HangupSide.System);
            return;
        }
        if (request.Body.IsEmpty)
        {
            // Offer-less INVITE (offer in our 200, answer in the ACK) is a follow-up.
            RejectCaller(488, "Not Acceptable Here", HangupSide.System, "INVITE without SDP offer");
            return;
        }
        var callerLeg = _engine.Media.CreateLeg(OnMediaEvent);
        var calleeLeg = callerLeg.Succeeded ? _engine.Media.CreateLeg(OnMediaEvent) : default;
        if (!callerLeg.Succeeded || !calleeLeg.Succeeded)
        {
            callerLeg.Leg?.Dispose();
            RejectCaller(503, "Service Unavailable", HangupSide.System, "no RTP ports");
            return;
        }
        CallerMedia = callerLeg.Leg;
        CalleeMedia = calleeLeg.Leg;
        var negotiation = CallerMedia!.AcceptOffer(request.Body.Span);
        if (!negotiation.IsSuccess)
        {
            RejectCaller(488, "Not Acceptable Here", HangupSide.System, negotiation.ToString());
            return;
        }
        _callerCodec = negotiation.Media?.Codec.Name;
        _callerAnswer = negotiation.AnswerBytes();
        InviteCallee(bindings[0]);
        _noAnswerTimer = _engine.Time.CreateTimer(_ => Post(OnNoAnswer), null, _engine.Options.NoAnswerTimeout, Timeout.InfiniteTimeSpan);
    }

    private static string CallerOf(SipMessage request)
    {
        if (!request.TryGetHeader(HeaderId.From, out var from) || !NameAddress.TryParse(from, out var address)) return "";
        return address.Uri.UserString;
    }

    private void RejectCaller(int status, string reason, HangupSide side, string? detail = null)
    {
        _callerInvite?.SendResponse(status, reason);
        End(side, status, detail ?? reason);
    }

    private void RingCaller()
    {
        if (State != CallState.Routing) return;
        State = CallState.Ringing;
        RingingAt = _engine.Time.GetUtcNow();
        // With our Contact: a 180 with a To tag makes an early dialog at the caller (§12.1.1).
        var invite = _callerInvite!;
        invite.SendResponse(SipResponseFactory.Create(invite.Request, 180, "Ringing", Encoding.ASCII.GetBytes(invite.LocalTag))
            .Header(HeaderId.Contact, _callerLocalContact).Finish());
        Publish(CallEventTypes.Ringing);
    }

    /// <summary>The callee answered and the media is bridged: 200 with our SDP answer, re-sent until the caller's ACK.</summary>
    private void AnswerCaller()
    {
        var invite = _callerInvite!;
        var request = invite.Request;
        var tag = invite.LocalTag;
        var writer = SipResponseFactory.Create(request, 200, "OK", Encoding.ASCII.GetBytes(tag));
        writer.CopyHeaders(request, HeaderId.RecordRoute);
        writer.Header(HeaderId.Contact, _callerLocalContact);
        writer.Header(HeaderId.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS");
        var ok = writer.Finish(_callerAnswer, "application/sdp");
        if (!SipDialog.TryCreateUas(request, tag, _callerLocalContact, _callerLocalVia, SipDialogState.Confirmed, out var dialog, out var error))
        {
            _engine.Log.Write(Sip.Diagnostics.SipLogLevel.Warning, "calls", () => $"Call {Id}: caller dialog not created ({error})");
            invite.SendResponse(400, "Bad Request");
            HangUpCallee();
            End(HangupSide.System, 400, "caller dialog: " + error);
            return;
        }
        _callerDialog = dialog;
        invite.SendResponse(ok);
        var retransmitter = new InviteSuccessRetransmitter(request.CSeq, () => invite.SendResponse(ok), _engine.Time,
            _engine.Transactions.Timers, _ => Post(OnCallerAckTimeout));
        retransmitter.Start();
        dialog!.AwaitAck(retransmitter);
        State = CallState.Answered;
        AnsweredAt = _engine.Time.GetUtcNow();
        Publish(CallEventTypes.Answered);
    }

    private void OnCallerAckTimeout()
    {
        if (State != CallState.Answered) return;
        SendByeToCaller();
        HangUpCallee();
        End(HangupSide.System, 408, "no ACK from the caller");
    }

    internal void OnCallerCancel(ServerTransaction invite)
    {
        // Too late once our 200 is out: it crossed the CANCEL, and the caller will BYE (RFC 3261 §9.2).
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        invite.SendResponse(487, "Request Terminated");
        CancelCallee();
        End(HangupSide.Caller, 487, "cancelled by the caller");
    }

    internal void OnAck(SipMessage ack)
    {
        bool fromCaller = ack.CallIdString == CallerCallId;
        var dialog = fromCaller ? _callerDialog : _calleeDialog;
        if (dialog is null) return;
        if (dialog.AcceptAck(ack) == AckMatch.Awaited && fromCaller && State == CallState.Answered) State = CallState.Talking;
    }

    /// <summary>
    /// A re-INVITE from either side is answered by that side's media leg alone: session refreshes and codec or address
    /// changes work; hold is not yet relayed to the other party (a follow-up), nor is an offer-less re-INVITE (488).
    /// </summary>
    private void AnswerReInvite(ServerTransaction transaction, SipDialog dialog, Media.Sessions.MediaLeg? leg)
    {
        var request = transaction.Request;
        if (leg is null || request.Body.IsEmpty || State is not (CallState.Answered or CallState.Talking))
        {
            transaction.SendResponse(dialog.CreateResponse(request, 488, "Not Acceptable Here").Finish());
            return;
        }
        var negotiation = leg.AcceptOffer(request.Body.Span);
        if (!negotiation.IsSuccess)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 488, "Not Acceptable Here").Finish());
            return;
        }
        var ok = dialog.CreateResponse(request, 200, "OK").Finish(negotiation.AnswerBytes(), "application/sdp");
        transaction.SendResponse(ok);
        var retransmitter = new InviteSuccessRetransmitter(request.CSeq, () => transaction.SendResponse(ok), _engine.Time,
            _engine.Transactions.Timers, _ => Post(OnReInviteAckTimeout));
        retransmitter.Start();
        dialog.AwaitAck(retransmitter);
    }

    private void OnReInviteAckTimeout()
    {
        if (State == CallState.Ended) return;
        SendByeToCaller();
        HangUpCallee();
        End(HangupSide.System, 408, "no ACK for our 200 to a re-INVITE");
    }

    internal void OnInDialogRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        bool fromCaller = request.CallIdString == CallerCallId;
        var dialog = fromCaller ? _callerDialog : _calleeDialog;
        if (dialog is null || State == CallState.Ended)
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
                if (fromCaller)
                {
                    HangUpCallee();
                    End(HangupSide.Caller, 200, "BYE from the caller");
                }
                else
                {
                    SendByeToCaller();
                    End(HangupSide.Callee, 200, "BYE from the callee");
                }
                return;
            case SipMethod.Invite:
                AnswerReInvite(transaction, dialog, fromCaller ? CallerMedia : CalleeMedia);
                return;
            default:
                transaction.SendResponse(dialog.CreateResponse(request, 501, "Not Implemented").Finish());
                return;
        }
    }

    private void SendByeToCaller()
    {
        var dialog = _callerDialog;
        if (dialog is null || dialog.State == SipDialogState.Terminated) return;
        var bye = dialog.CreateRequest(SipMethod.Bye);
        dialog.Terminate();
        _engine.Transactions.SendRequest(bye, _callerDestination, IgnoredResponses.Instance);
    }

    private void Publish(string type)
    {
        try
        {
            _engine.Events?.Publish(type, new CallEventPayload(Id, Caller, Callee, State), new EventSubject(CallId: Id));
        }
        catch (Exception ex)
        {
            _engine.Log.Write(Sip.Diagnostics.SipLogLevel.Error, "calls", () => $"Call {Id}: publishing {type} failed", ex);
        }
    }

    /// <summary>Whether the INVITE came from where one of the caller's bindings registered.</summary>
    private bool IsFromRegisteredSource(SipMessage request)
    {
        var source = request.Source;
        if (source == null) return false;
        foreach (var binding in _engine.Location.Lookup(Caller))
        {
            var registered = binding.Source;
            if (registered.Transport != source.Transport || !registered.RemoteEndPoint.Address.Equals(source.RemoteEndPoint.Address)) continue;
            // UDP: the same socket (address and port). TCP cannot be address-spoofed, and phones may open a new
            // connection per transaction, so the address suffices there.
            if (source.Transport != SipTransportKind.Udp || registered.RemoteEndPoint.Port == source.RemoteEndPoint.Port)
                return true;
        }
        return false;
    }
}
