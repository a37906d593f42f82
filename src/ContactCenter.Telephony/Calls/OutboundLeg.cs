using System.Text;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Usages.Client;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// A leg we call: we are the UAC of its INVITE. Forks of one ring step share the callee media leg (one offer); only the
/// winner applies its answer.
/// </summary>
internal sealed class OutboundLeg : CallLeg
{
    private DigestClient? _digest;
    private ResponsePoster? _poster;
    private bool _cancelWanted;
    private bool _cancelRequested;

    public OutboundLeg(Call call, string role, DialTarget target, MediaLeg media)
        : base(call, role, target.Party, SipIds.NewCallId("cc"), media, target.Destination)
    {
        Target = target;
    }

    public DialTarget Target { get; }

    /// <summary>The dialling this leg is a fork of; its INVITE responses go there.</summary>
    public DialAttempt? Attempt { get; set; }

    /// <summary>The INVITE as last sent (after a digest retry: the re-issued one).</summary>
    public SipMessage? InviteMessage { get; private set; }

    public ClientTransaction? InviteTransaction { get; private set; }

    /// <summary>A provisional response arrived: a CANCEL may be sent (RFC 3261 §9.1).</summary>
    public bool Provisional { get; private set; }

    /// <summary>The INVITE client transaction is over (or was never started).</summary>
    public bool InviteDone { get; private set; } = true;

    /// <summary>Set once the attempt failed, was cancelled or lost the race: its later responses only clean up.</summary>
    public bool Abandoned { get; set; }

    /// <summary>Sends the INVITE with <paramref name="offer"/>.</summary>
    public void Send(ReadOnlySpan<byte> offer, string contactUser, int maxForwards)
    {
        var source = Target.Destination;
        var local = Target.LocalEndPoint;
        var writer = new SipMessageWriter(1024 + offer.Length);
        writer.RequestLine(SipMethod.Invite, Encoding.UTF8.GetBytes(Target.RequestUri));
        writer.Header(HeaderId.Via, SipAddresses.Via(source.Transport, local) + ";branch=" + SipIds.NewBranch() + ";rport");
        writer.Header(HeaderId.MaxForwards, maxForwards);
        writer.Header(HeaderId.From, Target.From + ";tag=" + SipIds.NewTag());
        writer.Header(HeaderId.To, Target.To);
        writer.Header(HeaderId.CallId, SipCallId);
        writer.Header(HeaderId.CSeq, "1 INVITE");
        writer.Header(HeaderId.Contact, SipAddresses.Contact(contactUser, source.Transport, local));
        writer.Header(HeaderId.Allow, CallEngine.AllowHeader);
        writer.Header(HeaderId.Supported, "replaces");
        if (Target.ExtraHeaders is { } extra)
            foreach (var (name, value) in extra) writer.Header(name, value);
        var bytes = writer.Finish(offer, "application/sdp");
        Start(bytes);
    }

    private void Start(byte[] bytes)
    {
        if (!SipMessageParser.TryParse(bytes, out var message, out var error))
            throw new InvalidOperationException($"Our own INVITE does not parse ({error}); target {Target.RequestUri}");
        InviteMessage = message;
        InviteDone = false;
        Provisional = false;
        _poster = new ResponsePoster(this);
        InviteTransaction = Call.Engine.Transactions.SendRequest(message!, Destination, _poster);
    }

    /// <summary>
    /// The INVITE has its final response and the call is over: what its transaction may still receive is handled without
    /// the call (see <see cref="LateInviteAnswers"/>), so the call can be released now.
    /// </summary>
    public bool CanDetach => InviteDone || InviteTransaction?.FinalStatusCode > 0;

    /// <summary>Hands the INVITE's remaining responses to a <see cref="LateInviteAnswers"/>; the call is no longer referenced.</summary>
    public void DetachFromCall()
    {
        if (InviteDone) return;
        _poster?.Detach(new LateInviteAnswers(Call.Engine, Dialog, InviteMessage, Destination));
    }

    /// <summary>
    /// A 401/407 to our INVITE: re-issued once per challenge round with the trunk's credentials (new branch, CSeq + 1,
    /// same Call-ID and From tag). False when there are no credentials or they were refused.
    /// </summary>
    public bool TryAnswerChallenge(SipMessage response, out string? failure)
    {
        failure = "no credentials for this target";
        if (Target.Credentials is null || InviteMessage is null) return false;
        _digest ??= new DigestClient(Target.Credentials);
        var answer = _digest.Answer(InviteMessage, response);
        if (!answer.CanRetry)
        {
            failure = answer.FailureReason;
            return false;
        }
        failure = null;
        _cancelRequested = false;
        Start(SipRequestRewriter.Reissue(InviteMessage, answer.Headers));
        return true;
    }

    public void OnProvisional()
    {
        Provisional = true;
        if (_cancelWanted) SendCancel();
    }

    /// <summary>The winner's 2xx: the dialog it makes (null and an error when the response is unusable).</summary>
    public bool Confirm(SipMessage response, out string? error)
    {
        error = null;
        if (!SipDialog.TryCreateUac(InviteMessage!, response, out var dialog, out var creation))
        {
            error = creation.ToString();
            return false;
        }
        Dialog = dialog;
        LateInviteAnswers.Ack(Call.Engine, dialog!, response, Destination);
        AnsweredAt = Call.Engine.Time.GetUtcNow();
        return true;
    }

    /// <summary>A retransmitted 2xx from our dialog's peer: the same ACK again.</summary>
    public bool IsOurRetransmission(SipMessage response) => LateInviteAnswers.IsRetransmissionFor(Dialog, response);

    public void ResendAck(SipMessage response) => LateInviteAnswers.Ack(Call.Engine, Dialog!, response, Destination);

    /// <summary>A 2xx we do not want (a losing fork, or the call is over): ACK it and hang that dialog up at once.</summary>
    public void AckAndBye(SipMessage response) => LateInviteAnswers.AckAndBye(Call.Engine, InviteMessage, response, Destination);

    /// <summary>CANCEL our pending INVITE; RFC 3261 §9.1 allows it only after a provisional, so it may wait for one.</summary>
    public void Cancel()
    {
        Abandoned = true;
        if (_cancelRequested) return;
        _cancelRequested = true;
        if (InviteTransaction is null || Dialog is not null || InviteDone || InviteTransaction.FinalStatusCode > 0) return;
        if (Provisional) SendCancel();
        else _cancelWanted = true;
    }

    private void SendCancel()
    {
        _cancelWanted = false;
        // Null when a 2xx already accepted the INVITE (its handling is queued behind the provisional that got us here):
        // that 2xx is ACKed and hung up in its turn.
        if (InviteTransaction!.CreateCancel() is { } cancel)
            Call.Engine.Transactions.SendRequest(cancel, Destination, IgnoredResponses.Instance);
    }

    public override void HangUp()
    {
        var dialog = Dialog;
        if (dialog is null)
        {
            Cancel();
            return;
        }
        if (dialog.State == SipDialogState.Terminated) return;
        var bye = dialog.CreateRequest(SipMethod.Bye);
        dialog.Terminate();
        Call.Engine.Transactions.SendRequest(bye, Destination, IgnoredResponses.Instance);
    }

    /// <summary>Posts the INVITE's responses to the call's queue; after <see cref="Detach"/>, to the late-answer handler.</summary>
    private sealed class ResponsePoster(OutboundLeg leg) : IClientTransactionUser
    {
        private volatile OutboundLeg? _leg = leg;
        private volatile LateInviteAnswers? _late;

        public void Detach(LateInviteAnswers late)
        {
            _late = late;
            _leg = null;
        }

        public void OnResponse(ClientTransaction transaction, SipMessage response)
        {
            if (_leg is { } leg)
            {
                // Which transaction is current is checked on the call's queue, not here: the call sets InviteTransaction
                // when SendRequest returns, and a fast 180 can reach this receive thread before that (it was dropped,
                // so the caller never heard ringing and a deferred CANCEL never went out).
                if (leg.Call.Post(() =>
                {
                    if (ReferenceEquals(transaction, leg.InviteTransaction)) leg.Call.OnOutboundResponse(leg, response);
                }))
                {
                    return;
                }
            }

            // The call was released (or closed while this response was on its way).
            _late?.OnResponse(response);
        }

        public void OnTerminated(ClientTransaction transaction, SipTransactionOutcome outcome)
        {
            if (_leg is not { } leg) return;
            leg.Call.Post(() =>
            {
                if (!ReferenceEquals(transaction, leg.InviteTransaction)) return;
                leg.InviteDone = true;
                leg.Call.OnOutboundInviteDone(leg, outcome);
            });
        }
    }
}
