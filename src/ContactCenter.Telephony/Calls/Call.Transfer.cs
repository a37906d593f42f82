using System.Text;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Blind transfer by REFER (RFC 3515), handled by the B2BUA itself: the phone that refers (the transferor) leaves, the
/// other party (the transferee) hears music while we dial the target, and is bridged to it when it answers. Progress
/// goes back to the transferor as NOTIFY with message/sipfrag.
/// </summary>
public sealed partial class Call
{
    private CallLeg? _transferor;

    /// <summary>The leg whose REFER we accepted: it alone gets NOTIFYs (a transfer by command has no subscription).</summary>
    private CallLeg? _referSubscriber;

    private void OnRefer(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        if (State is not (CallState.Answered or CallState.Talking) || PartnerOf(leg) is null || _transferor is not null)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 491, "Request Pending").Finish());
            return;
        }
        if (!request.TryGetHeader(HeaderId.ReferTo, out var referTo) || !NameAddress.TryParse(referTo, out var address) || !address.Uri.IsSip
            || address.Uri.User.IsEmpty)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 400, "Bad Refer-To").Finish());
            return;
        }
        if (NotPermitted(CallPermission.Transfer, leg) is not null)
        {
            transaction.SendResponse(dialog.CreateResponse(request, 403, "Transfer Not Permitted").Finish());
            return;
        }
        if (Text(referTo).Contains("Replaces=", StringComparison.OrdinalIgnoreCase))
        {
            OnAttendedRefer(transaction, leg, dialog, Text(referTo));
            return;
        }
        var target = address.Uri.UserString;
        var steps = TransferSteps(leg, target, out var refusal);
        if (steps is null)
        {
            transaction.SendResponse(dialog.CreateResponse(request, refusal!.Value.Status, refusal.Value.Reason).Finish());
            return;
        }
        transaction.SendResponse(dialog.CreateResponse(request, 202, "Accepted").Finish());
        _referSubscriber = leg;
        NotifyReferProgress(leg, 100, "Trying", final: false);
        StartBlindTransfer(leg, target, steps);
    }

    /// <summary>Routes the transfer target as if the transferor dialled it (its dial plan, its trunks).</summary>
    private IReadOnlyList<RingStep>? TransferSteps(CallLeg transferor, string target, out Refusal? refusal, string? fromUser = null) =>
        DialPlanSteps(transferor.Party, target, fromUser ?? PartnerOf(transferor)?.Party, out _, out _, out refusal);

    /// <summary>
    /// Dials <paramref name="target"/> for the transferor's partner. Also the engine command for a blind transfer, where
    /// <paramref name="transferor"/> is the leg that leaves.
    /// </summary>
    private void StartBlindTransfer(CallLeg transferor, string target, IReadOnlyList<RingStep> steps)
    {
        var transferee = PartnerOf(transferor)!;
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded)
        {
            NotifyReferProgress(transferor, 503, "Service Unavailable", final: true);
            return;
        }
        _transferor = transferor;
        transferee.Media.Unbridge();
        transferee.Media.PlayMusicOnHold();
        RecordCallerPlayback();
        var dial = new DialAttempt(this, "transfer-target", media.Leg!, steps, transferee.Party, 69);
        dial.Answered += (winner, response) => OnTransferAnswered(transferor, transferee, winner, response, target);
        dial.Failed += (status, reason) => OnTransferFailed(transferor, transferee, dial.Media, status, reason);
        _transferDial = dial;
        dial.Start();
    }

    private DialAttempt? _transferDial;

    private void OnTransferAnswered(CallLeg transferor, CallLeg transferee, OutboundLeg winner, SipMessage response, string target)
    {
        _transferDial = null;
        _transferor = null;
        if (State is not (CallState.Answered or CallState.Talking) || !ReferenceEquals(PartnerOf(transferor), transferee))
        {
            winner.HangUp();
            return;
        }
        var negotiation = winner.ApplyAnswer(response.Body.Span);
        if (!negotiation.IsSuccess)
        {
            winner.HangUp();
            OnTransferFailed(transferor, transferee, winner.Media, 488, "Not Acceptable Here");
            return;
        }
        NotifyReferProgress(transferor, 200, "OK", final: true);
        // The transferor's part is over: it usually sends BYE itself after the final NOTIFY; ours crosses it harmlessly.
        transferor.HangUp();
        transferor.EndedAt ??= Engine.Time.GetUtcNow(); // its own BYE may have come first
        transferor.CloseHoldClock();
        if (ReferenceEquals(transferor, _a)) _a = winner;
        else _b = winner;
        transferee.HeldByPeer = false;
        transferee.UpdateHoldClock();
        Rebridge(transferee, winner);
        Publish(CallEventTypes.Transferred, winner.Party, transferor.Party);
    }

    private void OnTransferFailed(CallLeg transferor, CallLeg transferee, MediaLeg targetMedia, int status, string reason)
    {
        _transferDial = null;
        _transferor = null;
        targetMedia.Dispose();
        if (State == CallState.Ended) return;
        if (EndIfTransferorLeft(transferor, status, reason)) return;
        NotifyReferProgress(transferor, status, reason, final: true);
        // The transferor keeps the call: reconnected unless its phone still holds it (then the music goes on).
        if (!transferor.IsHeld) Rebridge(transferor, transferee);
    }

    /// <summary>
    /// A failed transfer whose transferor already hung up (phones often send BYE right after the 202 of a blind
    /// transfer): nobody is left to take the transferee back, so the call ends instead of bridging it to a dead leg.
    /// </summary>
    private bool EndIfTransferorLeft(CallLeg transferor, int status, string reason)
    {
        if (transferor.Dialog is { State: SipDialogState.Confirmed }) return false;
        HangUpAll();
        End(ReferenceEquals(transferor, _a) ? HangupSide.Caller : HangupSide.Callee, status,
            $"transfer failed ({status} {reason}) after the {transferor.Role} left");
        return true;
    }

    /// <summary>NOTIFY for the implicit refer subscription (RFC 3515 §2.4.4) with the progress as a sipfrag status line.</summary>
    private void NotifyReferProgress(CallLeg transferor, int status, string reason, bool final)
    {
        if (!ReferenceEquals(transferor, _referSubscriber)) return;
        if (final) _referSubscriber = null;
        if (transferor.Dialog is not { State: SipDialogState.Confirmed }) return;
        var body = Encoding.ASCII.GetBytes($"SIP/2.0 {status} {reason}\r\n");
        transferor.SendInDialog(SipMethod.Notify, IgnoredResponses.Instance, body, "message/sipfrag;version=2.0", w =>
        {
            w.Header(HeaderId.Event, "refer");
            w.Header(HeaderId.SubscriptionState, final ? "terminated;reason=noresource" : "active;expires=60");
        });
    }

    /// <summary>A BYE from a leg that is no longer connected (a transferor whose BYE crossed ours, a replaced leg).</summary>
    private void OnOtherLegBye(CallLeg leg)
    {
        if (ReferenceEquals(leg, _transferor))
        {
            // The transferor hung up before the target answered: the transfer goes on for the transferee (blind).
            _transferor = null;
        }
    }
}
