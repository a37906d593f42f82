using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Attended transfer: the transferor has the transferee in this call and the target in a consult call (both through
/// us); its REFER with Replaces names its own leg of the consult call. The consult call hands the target's leg over
/// to this call, which bridges it with the transferee; both of the transferor's legs are hung up. The two calls only
/// exchange messages on each other's queues, never share state.
/// </summary>
public sealed partial class Call
{
    private void OnAttendedRefer(ServerTransaction transaction, CallLeg transferor, SipDialog dialog, string referTo)
    {
        var request = transaction.Request;
        if (!ReplacesTarget.TryFromReferTo(referTo, out var replaces))
        {
            transaction.SendResponse(dialog.CreateResponse(request, 400, "Bad Replaces In Refer-To").Finish());
            return;
        }
        if (!Engine.TryFindCall(replaces.CallId, out var consult) || ReferenceEquals(consult, this))
        {
            transaction.SendResponse(dialog.CreateResponse(request, 481, "Call/Transaction Does Not Exist").Finish());
            return;
        }
        transaction.SendResponse(dialog.CreateResponse(request, 202, "Accepted").Finish());
        _referSubscriber = transferor;
        NotifyReferProgress(transferor, 100, "Trying", final: false);
        _transferor = transferor;
        var transferee = PartnerOf(transferor)!;
        var party = transferor.Party;
        consult.Post(() => consult.HandOverPartnerOf(replaces, party, this, transferor, transferee));
    }

    /// <summary>
    /// On the consult call: give the partner of the referenced leg to <paramref name="receiver"/> and end. The leg must be
    /// the transferor's own (same party, and the dialog's tags as the transferor sees them: to-tag ours, from-tag its):
    /// a Call-ID alone must not let a phone take over somebody else's call.
    /// </summary>
    private void HandOverPartnerOf(ReplacesTarget replaces, string transferorParty, Call receiver, CallLeg transferor, CallLeg transferee)
    {
        if (State is not (CallState.Answered or CallState.Talking) || !_legsByCallId.TryGetValue(replaces.CallId, out var leg)
            || !Matches(leg, replaces) || leg.Party != transferorParty || PartnerOf(leg) is not { } partner)
        {
            receiver.Post(() => receiver.OnAttendedFailed(transferor, transferee, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        Detach(partner);
        leg.HangUp();
        End(HangupSide.Caller, 200, "attended transfer: the target went to call " + receiver.Id);
        receiver.Post(() => receiver.AdoptTransferTarget(transferor, transferee, partner));
    }

    /// <summary>A confirmed leg whose dialog is the one named: to-tag is our tag in it, from-tag the phone's (RFC 3891 §3).</summary>
    private static bool Matches(CallLeg leg, ReplacesTarget replaces) =>
        leg.Dialog is { State: SipDialogState.Confirmed } dialog && dialog.LocalTag == replaces.ToTag && dialog.RemoteTag == replaces.FromTag;

    /// <summary>Media legs that moved to another call with their leg: this call must not dispose them when it ends.</summary>
    private readonly HashSet<Media.Sessions.MediaLeg> _handedOverMedia = [];

    /// <summary>Takes a connected leg out of this call without hanging it up (it moves to another call).</summary>
    private void Detach(CallLeg leg)
    {
        leg.Media.Unbridge();
        leg.Media.StopPlaying();
        // Losing forks of the dial that leg won share its media leg and stay here until their INVITEs are over.
        _handedOverMedia.Add(leg.Media);
        _legs.Remove(leg);
        _legsByCallId.Remove(leg.SipCallId);
        if (ReferenceEquals(leg, _a)) _a = null;
        if (ReferenceEquals(leg, _b)) _b = null;
    }

    private void AdoptTransferTarget(CallLeg transferor, CallLeg transferee, CallLeg target)
    {
        _transferor = null;
        if (State is not (CallState.Answered or CallState.Talking) || !ReferenceEquals(PartnerOf(transferor), transferee))
        {
            target.HangUp();
            target.Media.Dispose();
            return;
        }
        target.MoveTo(this);
        target.Role = "transfer-target";
        IndexLeg(target);
        NotifyReferProgress(transferor, 200, "OK", final: true);
        transferor.HangUp();
        transferor.EndedAt ??= Engine.Time.GetUtcNow(); // its own BYE may have come first
        transferor.CloseHoldClock();
        if (ReferenceEquals(transferor, _a)) _a = target;
        else _b = target;
        Rebridge(transferee, target);
        Publish(CallEventTypes.Transferred, target.Party, transferor.Party);
    }

    private void OnAttendedFailed(CallLeg transferor, CallLeg transferee, int status, string reason)
    {
        _transferor = null;
        if (State == CallState.Ended || EndIfTransferorLeft(transferor, status, reason)) return;
        NotifyReferProgress(transferor, status, reason, final: true);
        if (!transferor.IsHeld) Rebridge(transferor, transferee);
    }

    /// <summary>
    /// An INVITE with Replaces (RFC 3891) for one of this call's connected legs: the new dialog takes that leg's place
    /// (bridged to its partner), and the replaced leg gets a BYE.
    /// </summary>
    internal void OnReplacingInvite(ServerTransaction invite, ReplacesTarget replaces)
    {
        var request = invite.Request;
        if (State is not (CallState.Answered or CallState.Talking) || !_legsByCallId.TryGetValue(replaces.CallId, out var old)
            || PartnerOf(old) is not { } partner || !Matches(old, replaces))
        {
            invite.SendResponse(481, "Call/Transaction Does Not Exist");
            return;
        }
        if (request.Body.IsEmpty)
        {
            invite.SendResponse(488, "Not Acceptable Here");
            return;
        }
        var media = Engine.Media.CreateLeg(OnMediaEvent);
        if (!media.Succeeded)
        {
            invite.SendResponse(503, "Service Unavailable");
            return;
        }
        var negotiation = media.Leg!.AcceptOffer(request.Body.Span);
        if (!negotiation.IsSuccess)
        {
            media.Leg.Dispose();
            invite.SendResponse(488, "Not Acceptable Here");
            return;
        }
        string party = request.TryGetHeader(HeaderId.From, out var from) && NameAddress.TryParse(from, out var address) ? address.Uri.UserString : "";
        var leg = new InboundLeg(this, "transfer-target", party, invite, media.Leg) { Answer = negotiation.AnswerBytes(), Codec = negotiation.Media?.Codec.Name };
        IndexLeg(leg);
        if (!leg.Accept(() => OnAckTimeout(leg), out _))
        {
            leg.Media.Dispose();
            return;
        }
        old.HangUp();
        old.EndedAt = Engine.Time.GetUtcNow();
        old.CloseHoldClock();
        if (ReferenceEquals(old, _a)) _a = leg;
        else _b = leg;
        Rebridge(partner, leg);
        Publish(CallEventTypes.Transferred, leg.Party, old.Party);
    }
}
