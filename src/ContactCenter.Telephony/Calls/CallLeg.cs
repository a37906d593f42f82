using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// One side of a call: a SIP dialog (or the attempt to make one) and the media leg that carries its RTP through us.
/// Owned by its <see cref="Calls.Call"/> and touched only on that call's queue.
/// </summary>
internal abstract class CallLeg
{
    private DateTimeOffset? _heldSince;

    protected CallLeg(Call call, string role, string party, string sipCallId, MediaLeg media, SipDestination destination)
    {
        Call = call;
        Role = role;
        Party = party;
        SipCallId = sipCallId;
        Media = media;
        Destination = destination;
        CreatedAt = call.Engine.Time.GetUtcNow();
    }

    /// <summary>The call the leg belongs to; changes only when an attended transfer moves the leg to another call.</summary>
    public Call Call { get; private set; }

    /// <summary>Re-homes the leg (attended transfer): its in-dialog traffic and timers now go to <paramref name="call"/>.</summary>
    public void MoveTo(Call call) => Call = call;

    /// <summary>"caller", "callee", "transfer-target", …: what the leg is for, as the CDR names it.</summary>
    public string Role { get; set; }

    /// <summary>The extension or number at the far end.</summary>
    public string Party { get; set; }

    public string SipCallId { get; }

    public MediaLeg Media { get; }

    /// <summary>Where requests and responses for this leg go (for a phone: where its REGISTER came from).</summary>
    public SipDestination Destination { get; protected set; }

    public SipDialog? Dialog { get; protected set; }

    public string? Codec { get; set; }

    public DateTimeOffset CreatedAt { get; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The peer put us on hold (its re-offer was sendonly, inactive or c=0.0.0.0).</summary>
    public bool HeldByPeer { get; set; }

    /// <summary>We put the peer on hold by command (it hears music).</summary>
    public bool HeldByUs { get; set; }

    public bool IsHeld => HeldByPeer || HeldByUs;

    /// <summary>Time this leg spent on hold, either way, so far.</summary>
    public TimeSpan HoldTime { get; private set; }

    public bool IsConfirmed => Dialog is { State: SipDialogState.Confirmed };

    /// <summary>An offer of ours is outstanding on this dialog: our re-INVITE awaits its final response, or our 200 its ACK.</summary>
    public bool ReOfferPending { get; set; }

    /// <summary>Our 200 to the peer's offer-less re-INVITE carried our offer: the ACK must bring the answer.</summary>
    public bool AnswerAwaitedInAck { get; set; }

    /// <summary>The re-INVITE to send when the pending one is over (the latest wish wins).</summary>
    public (Func<byte[]> Offer, Action<SipMessageWriter>? Headers)? QueuedReOffer { get; set; }

    /// <summary>The RFC 4028 timer of this leg's dialog (null when none was negotiated).</summary>
    public SessionTimer? Timer { get; set; }

    /// <summary>The interval last agreed, and whether we refresh.</summary>
    public SessionTimerNegotiation? TimerNegotiation { get; set; }

    /// <summary>Our offer for the session as it stands (sendonly while we hold this party), for a re-offer.</summary>
    public byte[] CurrentOffer() => (HeldByUs ? Media.Hold() : Media.CreateOffer()).ToBytes();

    /// <summary>Applies the peer's SDP answer to our offer; on success the agreed codec is the leg's (CDR).</summary>
    public Media.Sessions.MediaNegotiation ApplyAnswer(ReadOnlySpan<byte> answer)
    {
        var negotiation = Media.AcceptAnswer(answer);
        if (negotiation.IsSuccess) Codec = negotiation.Media?.Codec.Name;
        return negotiation;
    }

    /// <summary>Accounts hold time when the leg's hold state changes.</summary>
    public void UpdateHoldClock()
    {
        var now = Call.Engine.Time.GetUtcNow();
        if (IsHeld && _heldSince is null) _heldSince = now;
        else if (!IsHeld && _heldSince is { } since)
        {
            HoldTime += now - since;
            _heldSince = null;
        }
    }

    /// <summary>Stops the hold clock at the end of the call.</summary>
    public void CloseHoldClock()
    {
        if (_heldSince is { } since) HoldTime += Call.Engine.Time.GetUtcNow() - since;
        _heldSince = null;
    }

    /// <summary>A request inside this leg's dialog (BYE, re-INVITE, NOTIFY, INFO) sent on a new client transaction.</summary>
    public ClientTransaction? SendInDialog(SipMethod method, IClientTransactionUser user, ReadOnlySpan<byte> body = default,
        string? contentType = null, Action<SipMessageWriter>? headers = null)
    {
        var dialog = Dialog;
        if (dialog is null || dialog.State == SipDialogState.Terminated) return null;
        var request = dialog.CreateRequest(method, body: body, contentType: contentType, extraHeaders: headers);
        return Call.Engine.Transactions.SendRequest(request, Destination, user);
    }

    /// <summary>Ends this leg on the wire however far it got (BYE once confirmed; CANCEL or a final response before).</summary>
    public abstract void HangUp();

    public override string ToString() => $"{Role} {Party} ({SipCallId})";
}
