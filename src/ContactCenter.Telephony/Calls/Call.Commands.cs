using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Engine commands (for the ACD and CTI): run on the call's queue like SIP events, so a command and a BYE never race.
/// Parties are named as the call knows them: the caller's number or extension, or the connected party's.
/// </summary>
public sealed partial class Call
{
    /// <summary>Runs <paramref name="command"/> on the call's queue and returns its result (call_not_found once the call ended).</summary>
    internal Task<CallCommandResult> RunAsync(Func<CallCommandResult> command)
    {
        var done = new TaskCompletionSource<CallCommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clientData = CallCommandContext.ClientData;
        bool queued = Post(() =>
        {
            if (State == CallState.Ended)
            {
                done.TrySetResult(CallCommandResult.CallNotFound);
                return;
            }
            _commandClientData = clientData;
            try
            {
                done.TrySetResult(command());
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
                throw;
            }
            finally
            {
                _commandClientData = null;
            }
        });
        return queued ? done.Task : Task.FromResult(CallCommandResult.CallNotFound);
    }

    private CallLeg? ConnectedLeg(string party) =>
        _a is { } a && a.Party == party ? a : _b is { } b && b.Party == party ? b : null;

    private bool IsConnected => State is CallState.Answered or CallState.Talking;

    internal CallCommandResult HangUpCommand()
    {
        if (State is CallState.Routing or CallState.Ringing) _dialing?.Cancel();
        (_a as InboundLeg)?.Reject(480, "Temporarily Unavailable");
        HangUpAll();
        End(HangupSide.System, 200, "hung up by command");
        return CallCommandResult.Ok(State);
    }

    /// <summary>Puts <paramref name="party"/> on hold: a sendonly re-offer to its phone, and music to it.</summary>
    internal CallCommandResult HoldCommand(string party)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can be held.", State);
        if (ConnectedLeg(party) is not { } leg) return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (leg.HeldByUs) return CallCommandResult.Fail("invalid_call_state", $"'{party}' is already on hold.", State);
        leg.HeldByUs = true;
        leg.UpdateHoldClock();
        leg.Media.Unbridge();
        leg.Media.PlayMusicOnHold();
        RecordCallerPlayback();
        SendReOffer(leg, () => leg.Media.Hold().ToBytes());
        Publish(CallEventTypes.Held, leg.Party, "command");
        return CallCommandResult.Ok(State);
    }

    internal CallCommandResult RetrieveCommand(string party)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can be retrieved.", State);
        if (ConnectedLeg(party) is not { } leg) return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (!leg.HeldByUs) return CallCommandResult.Fail("invalid_call_state", $"'{party}' is not on hold.", State);
        leg.HeldByUs = false;
        leg.UpdateHoldClock();
        SendReOffer(leg, () => leg.Media.Resume().ToBytes());
        if (PartnerOf(leg) is { } partner) Rebridge(leg, partner);
        Publish(CallEventTypes.Retrieved, leg.Party, "command");
        return CallCommandResult.Ok(State);
    }

    internal CallCommandResult SendDtmfCommand(string party, string digits)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "DTMF needs a connected call.", State);
        if (ConnectedLeg(party) is not { } leg) return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (digits.Length == 0 || digits.Length > 32 || !digits.All(IsDtmf))
            return CallCommandResult.Fail("invalid_digits", "Digits are 1 to 32 of 0-9 * # A-D.", State);
        // The media engine queues the digits one after the other with the standard gap.
        foreach (var digit in digits) leg.Media.SendDtmf(digit);
        return CallCommandResult.Ok(State);
    }

    /// <summary>Blind transfer by command: <paramref name="party"/> leaves, its partner is dialled through to <paramref name="target"/>.</summary>
    internal CallCommandResult BlindTransferCommand(string party, string target)
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can be transferred.", State);
        if (ConnectedLeg(party) is not { } leg || PartnerOf(leg) is null)
            return CallCommandResult.Fail("party_not_found", $"'{party}' is not connected to this call.", State);
        if (_transferor is not null) return CallCommandResult.Fail("transfer_in_progress", "A transfer is already in progress.", State);
        if (NotPermitted(CallPermission.Transfer, leg) is { } forbidden) return forbidden;
        var steps = TransferSteps(leg, target, out var refusal);
        if (steps is null) return CallCommandResult.Fail("transfer_target_not_found", refusal?.Detail ?? $"'{target}' cannot be reached.", State);
        StartBlindTransfer(leg, target, steps);
        return CallCommandResult.Ok(State);
    }

    /// <summary>
    /// A re-INVITE with our offer; the answer is applied when the 2xx comes, and we ACK it. One re-INVITE at a time per
    /// dialog (RFC 3261 §14.1): while one is pending the next waits, and its offer is built only when it is sent (hold
    /// then retrieve in quick succession sends both, in order).
    /// </summary>
    private void SendReOffer(CallLeg leg, Func<byte[]> offer, Action<SipMessageWriter>? headers = null)
    {
        if (leg.ReOfferPending)
        {
            leg.QueuedReOffer = (offer, headers);
            return;
        }
        var bytes = offer();
        leg.ReOfferPending = true;
        var transaction = leg.SendInDialog(SipMethod.Invite, new ReOfferUser(this, leg), bytes, "application/sdp", headers);
        if (transaction is null)
        {
            leg.ReOfferPending = false;
            leg.Media.CancelOffer();
        }
    }

    /// <summary>Our re-INVITE is over (answered, refused or timed out): the one waiting, if any, goes now.</summary>
    private void OnReOfferDone(CallLeg leg)
    {
        leg.ReOfferPending = false;
        if (leg.QueuedReOffer is not { } next || State == CallState.Ended) return;
        leg.QueuedReOffer = null;
        SendReOffer(leg, next.Offer, next.Headers);
    }

    private void OnReOfferResponse(CallLeg leg, SipMessage response)
    {
        if (response.StatusCode < 200) return;
        if (response.StatusCode >= 300)
        {
            if (leg.Timer is not null && response.StatusCode is 408 or 481)
            {
                // The far end no longer knows the dialog (RFC 4028 §10: a failed refresh ends the session).
                HangUpAll();
                End(HangupSide.System, response.StatusCode, $"re-INVITE to the {leg.Role} failed: the dialog is gone");
                return;
            }
            // 491 glare or a refusal: the media state stays as it was before the offer; hold by command keeps its music.
            leg.Media.CancelOffer();
            OnReOfferDone(leg);
            return;
        }
        // State first, then the ACK: whoever sees the ACK sees the answer applied and the session timer restarted.
        if (!response.Body.IsEmpty) leg.Media.AcceptAnswer(response.Body.Span);
        RestartSessionTimerAfterOurRefresh(leg, response);
        if (leg.Dialog is { State: not SipDialogState.Terminated } dialog)
            Engine.Transport.Send(dialog.CreateAck(response.CSeq), leg.Destination);
        OnReOfferDone(leg);
    }

    private sealed class ReOfferUser(Call call, CallLeg leg) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipMessage response) => call.Post(() => call.OnReOfferResponse(leg, response));

        public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome)
        {
            // No final response at all (timeout, transport error): the offer is withdrawn and the next one may go.
            if (transaction.FinalStatusCode == 0)
                call.Post(() =>
                {
                    leg.Media.CancelOffer();
                    call.OnReOfferDone(leg);
                });
        }
    }
}
