using System.Text;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Registrar;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>The callee's side: our INVITE to its contact, its responses, CANCEL and BYE.</summary>
public sealed partial class Call
{
    private void InviteCallee(RegistrationBinding binding)
    {
        var source = binding.Source;
        // Sent to where the REGISTER came from (NAT), on the socket it came in on; the Request-URI is the contact.
        _calleeDestination = new SipDestination(source.Transport, source.RemoteEndPoint, source.ConnectionId);
        CalleeCallId = Guid.NewGuid().ToString("N") + "@cc";
        _engine.IndexCalleeLeg(CalleeCallId, this);
        var offer = CalleeMedia!.CreateOffer().ToBytes();
        var host = _callerInvite!.Request.RequestUri.HostString;
        var writer = new SipMessageWriter(1024 + offer.Length);
        writer.RequestLine(SipMethod.Invite, Encoding.UTF8.GetBytes(binding.ContactUri));
        writer.Header(HeaderId.Via, SipAddresses.Via(source.Transport, source.LocalEndPoint) + ";branch=" + SipIds.NewBranch() + ";rport");
        var hops = _callerInvite.Request.MaxForwards;
        writer.Header(HeaderId.MaxForwards, hops < 0 ? 70 : hops - 1);
        writer.Header(HeaderId.From, $"<sip:{Caller}@{host}>;tag={SipIds.NewTag()}");
        writer.Header(HeaderId.To, $"<sip:{Callee}@{host}>");
        writer.Header(HeaderId.CallId, CalleeCallId);
        writer.Header(HeaderId.CSeq, "1 INVITE");
        writer.Header(HeaderId.Contact, SipAddresses.Contact(Caller, source.Transport, source.LocalEndPoint));
        writer.Header(HeaderId.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS");
        var bytes = writer.Finish(offer, "application/sdp");
        if (!SipMessageParser.TryParse(bytes, out var message, out var error))
            throw new InvalidOperationException($"Our own INVITE does not parse ({error}); contact {binding.ContactUri}");
        _calleeInviteMessage = message;
        _calleeInviteDone = false;
        _calleeInvite = _engine.Transactions.SendRequest(bytes, _calleeDestination, new CalleeInviteUser(this));
    }

    private void OnCalleeResponse(SipMessage response)
    {
        int status = response.StatusCode;
        if (status < 200)
        {
            if (status == 100) return;
            _calleeProvisional = true;
            if (_calleeCancelWanted)
            {
                SendCancelToCallee();
                return;
            }
            if (status is 180 or 183) RingCaller();
            return;
        }
        if (status < 300)
        {
            OnCalleeSuccess(response);
            return;
        }
        if (State is CallState.Routing or CallState.Ringing)
        {
            var (code, reason) = RelayedFailure(response);
            _callerInvite!.SendResponse(code, reason);
            End(HangupSide.Callee, status, Encoding.UTF8.GetString(response.ReasonPhrase.Span));
        }
    }

    private void OnCalleeSuccess(SipMessage response)
    {
        if (_calleeDialog is not null)
        {
            // A retransmitted 2xx (our ACK was lost): the same ACK again. A 2xx from another fork is ACKed and hung up.
            if (response.ToTag.Span.SequenceEqual(Encoding.UTF8.GetBytes(_calleeDialog.RemoteTag)))
                _engine.Transport.Send(_calleeDialog.CreateAck(response.CSeq), _calleeDestination);
            else AckAndHangUpStrayFork(response);
            return;
        }
        if (!SipDialog.TryCreateUac(_calleeInviteMessage!, response, out var dialog, out var error))
        {
            _engine.Log.Write(Sip.Diagnostics.SipLogLevel.Warning, "calls", () => $"Call {Id}: callee's 2xx makes no dialog ({error})");
            if (State is CallState.Routing or CallState.Ringing)
            {
                _callerInvite!.SendResponse(502, "Bad Gateway");
                End(HangupSide.System, 502, "callee 2xx unusable: " + error);
            }
            return;
        }
        _calleeDialog = dialog!;
        _engine.Transport.Send(dialog!.CreateAck(response.CSeq), _calleeDestination);
        if (State is not (CallState.Routing or CallState.Ringing))
        {
            // The caller left (CANCEL, timeout) while our CANCEL crossed the callee's 200: end the callee's side too.
            HangUpCallee();
            return;
        }
        var negotiation = CalleeMedia!.AcceptAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            HangUpCallee();
            _callerInvite!.SendResponse(488, "Not Acceptable Here");
            End(HangupSide.System, 488, "callee answer: " + negotiation);
            return;
        }
        _calleeCodec = negotiation.Media?.Codec.Name;
        _noAnswerTimer?.Dispose();
        CallerMedia!.BridgeWith(CalleeMedia);
        AnswerCaller();
    }

    private void AckAndHangUpStrayFork(SipMessage response)
    {
        if (!SipDialog.TryCreateUac(_calleeInviteMessage!, response, out var fork, out _)) return;
        _engine.Transport.Send(fork!.CreateAck(response.CSeq), _calleeDestination);
        var bye = fork.CreateRequest(SipMethod.Bye);
        fork.Terminate();
        _engine.Transactions.SendRequest(bye, _calleeDestination, IgnoredResponses.Instance);
    }

    /// <summary>What the caller hears for the callee's failure: busy, decline and not-found as they are, the rest mapped.</summary>
    internal static (int Code, string Reason) RelayedFailure(SipMessage response)
    {
        int status = response.StatusCode;
        return status switch
        {
            // Our own INVITE's challenge or timeout is not the caller's business: the callee is just unreachable.
            401 or 407 or 408 => (480, "Temporarily Unavailable"),
            >= 500 and < 600 => (502, "Bad Gateway"),
            _ => (status, Encoding.UTF8.GetString(response.ReasonPhrase.Span)),
        };
    }

    internal void OnStrayResponse(SipMessage response)
    {
        if (response.CallIdString == CalleeCallId && response.CSeqMethod == SipMethod.Invite && response.StatusCode is >= 200 and < 300)
            OnCalleeSuccess(response);
    }

    private void OnNoAnswer()
    {
        if (State is not (CallState.Routing or CallState.Ringing)) return;
        CancelCallee();
        _callerInvite!.SendResponse(480, "Temporarily Unavailable");
        End(HangupSide.System, 480, "no answer");
    }

    /// <summary>CANCEL our pending INVITE; RFC 3261 §9.1 allows it only after a provisional, so it may wait for one.</summary>
    private void CancelCallee()
    {
        if (_calleeInvite is null || _calleeDialog is not null || _calleeInviteDone) return;
        if (_calleeProvisional) SendCancelToCallee();
        else _calleeCancelWanted = true;
    }

    private void SendCancelToCallee()
    {
        _calleeCancelWanted = false;
        _engine.Transactions.SendRequest(_calleeInvite!.CreateCancel(), _calleeDestination, IgnoredResponses.Instance);
    }

    /// <summary>Ends the callee's side however far it got: BYE once confirmed, CANCEL while it is pending.</summary>
    private void HangUpCallee()
    {
        var dialog = _calleeDialog;
        if (dialog is not null)
        {
            if (dialog.State == SipDialogState.Terminated) return;
            var bye = dialog.CreateRequest(SipMethod.Bye);
            dialog.Terminate();
            _engine.Transactions.SendRequest(bye, _calleeDestination, IgnoredResponses.Instance);
            return;
        }
        CancelCallee();
    }

    private void OnCalleeInviteTerminated()
    {
        _calleeInviteDone = true;
    }

    /// <summary>Posts the callee INVITE's responses to the call's queue.</summary>
    private sealed class CalleeInviteUser(Call call) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipMessage response) => call.Post(() => call.OnCalleeResponse(response));

        public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome) => call.Post(call.OnCalleeInviteTerminated);
    }
}
