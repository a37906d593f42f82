using System.Text;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Telephony.Calls;

/// <summary>A leg that called us: we are the UAS of its INVITE (a phone dialling out, or a trunk delivering a call).</summary>
internal sealed class InboundLeg : CallLeg
{
    private readonly string _localVia;

    public InboundLeg(Call call, string role, string party, ServerTransaction invite, MediaLeg media)
        : base(call, role, party, invite.Request.CallIdString, media, invite.ResponseDestination)
    {
        Invite = invite;
        var request = invite.Request;
        var local = request.Source?.LocalEndPoint;
        var transport = request.Source?.Transport ?? SipTransportKind.Udp;
        _localVia = SipAddresses.Via(transport, local);
        LocalContact = SipAddresses.Contact(request.RequestUri.UserString is { Length: > 0 } user ? user : "cc", transport, local);
    }

    public ServerTransaction Invite { get; }

    public string LocalContact { get; }

    /// <summary>The RFC 4028 session timer agreed for this leg from its INVITE (written into our 200).</summary>
    public SessionTimerNegotiation? SessionTimer { get; set; }

    /// <summary>The INVITE had no offer: the 200 carries ours and the ACK must bring the answer.</summary>
    public bool OfferInAnswer { get; set; }

    /// <summary>Our SDP answer to the INVITE's offer, sent in the 200.</summary>
    public byte[]? Answer { get; set; }

    /// <summary>A final response went out (200 or a failure): the INVITE is settled.</summary>
    public bool FinalSent { get; private set; }

    public bool Ringing { get; private set; }

    /// <summary>180 with our Contact and To tag: an early dialog at the caller (§12.1.1).</summary>
    public void Ring()
    {
        if (FinalSent || Ringing) return;
        Ringing = true;
        Invite.SendResponse(SipResponseFactory.Create(Invite.Request, 180, "Ringing", Encoding.ASCII.GetBytes(Invite.LocalTag))
            .Header(HeaderId.Contact, LocalContact).Finish());
    }

    /// <summary>200 with our answer, retransmitted until the ACK (<paramref name="onAckTimeout"/> when none comes).</summary>
    public bool Accept(Action onAckTimeout, out string? error)
    {
        error = null;
        if (FinalSent) return Dialog is not null;
        var request = Invite.Request;
        var tag = Invite.LocalTag;
        var writer = SipResponseFactory.Create(request, 200, "OK", Encoding.ASCII.GetBytes(tag));
        writer.CopyHeaders(request, HeaderId.RecordRoute);
        writer.Header(HeaderId.Contact, LocalContact);
        writer.Header(HeaderId.Allow, CallEngine.AllowHeader);
        writer.Header(HeaderId.Supported, "replaces, timer");
        SessionTimer?.WriteResponseHeaders(writer);
        if (OfferInAnswer) Answer = Media.CreateOffer().ToBytes();
        var ok = writer.Finish(Answer, "application/sdp");
        if (!SipDialog.TryCreateUas(request, tag, LocalContact, _localVia, SipDialogState.Confirmed, out var dialog, out var creation))
        {
            error = creation.ToString();
            Reject(400, "Bad Request");
            return false;
        }
        Dialog = dialog;
        FinalSent = true;
        Invite.SendResponse(ok);
        var engine = Call.Engine;
        var retransmitter = new InviteSuccessRetransmitter(request.CSeq, () => Invite.SendResponse(ok), engine.Time,
            engine.Transactions.Timers, _ => Call.Post(onAckTimeout));
        retransmitter.Start();
        dialog!.AwaitAck(retransmitter);
        AnsweredAt = engine.Time.GetUtcNow();
        return true;
    }

    public void Reject(int status, string reason)
    {
        if (FinalSent) return;
        FinalSent = true;
        Invite.SendResponse(status, reason);
    }

    /// <summary>Same as <see cref="Reject(int,string)"/> with extra headers (Retry-After, Proxy-Authenticate, …).</summary>
    public void Reject(int status, string reason, Action<SipMessageWriter> headers)
    {
        if (FinalSent) return;
        FinalSent = true;
        var writer = SipResponseFactory.Create(Invite.Request, status, reason, Encoding.ASCII.GetBytes(Invite.LocalTag));
        headers(writer);
        Invite.SendResponse(writer.Finish());
    }

    public override void HangUp()
    {
        if (!FinalSent)
        {
            Reject(487, "Request Terminated");
            return;
        }
        var dialog = Dialog;
        if (dialog is null || dialog.State == SipDialogState.Terminated) return;
        var bye = dialog.CreateRequest(SipMethod.Bye);
        dialog.Terminate();
        Call.Engine.Transactions.SendRequest(bye, Destination, IgnoredResponses.Instance);
    }
}
