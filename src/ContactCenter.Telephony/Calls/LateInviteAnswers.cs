using System.Text;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// What an INVITE we sent still needs after its call has been released: the client transaction waits 64·T1 for 2xx
/// retransmissions (RFC 6026 "Accepted"), and each one must be ACKed again (our ACK was lost) or, from a fork we never
/// confirmed, ACKed and hung up. It keeps only flat bytes — the ACK of the confirmed dialog built once, that dialog's
/// remote tag, and the headers of our INVITE a fork's dialog needs (parsed again only for a fork's 2xx) — not the whole call with its legs, media
/// and SDP, nor the dialog and parsed messages: an ended call is collected at once, and what stays for 32 s is a few
/// arrays the collector need not scan.
/// </summary>
internal sealed class LateInviteAnswers
{
    private readonly CallEngine _engine;
    private readonly SipDestination _destination;
    private readonly byte[]? _ack;
    private readonly byte[]? _remoteTag;
    private readonly ReadOnlyMemory<byte> _invite;

    public LateInviteAnswers(CallEngine engine, SipDialog? dialog, SipMessage? invite, SipDestination destination)
    {
        _engine = engine;
        _destination = destination;
        if (dialog is not null && invite is not null)
        {
            _ack = dialog.CreateAck(invite.CSeq);
            _remoteTag = Encoding.UTF8.GetBytes(dialog.RemoteTag);
        }
        _invite = invite is null ? default : DialogHeadersOf(invite);
    }

    /// <summary>
    /// What a fork's 2xx needs of our INVITE to build its dialog's ACK and BYE (<see cref="SipDialog.TryCreateUac"/>):
    /// the request line, Via, From, To, Call-ID, CSeq, Contact and Route, with Content-Length 0. The SDP and the other
    /// headers (Allow, Supported, session timers, caller id…) were two thirds of the bytes kept for 32 s per call.
    /// </summary>
    internal static ReadOnlyMemory<byte> DialogHeadersOf(SipMessage invite)
    {
        var writer = new SipMessageWriter(512).RequestLine(invite.MethodName.Span, invite.RequestUriBytes.Span);
        foreach (var id in KeptHeaders) writer.CopyHeaders(invite, id);
        return writer.Finish();
    }

    private static readonly HeaderId[] KeptHeaders =
        [HeaderId.Via, HeaderId.From, HeaderId.To, HeaderId.CallId, HeaderId.CSeq, HeaderId.Contact, HeaderId.Route];

    /// <summary>Runs on the transaction's thread; the call's queue is gone.</summary>
    public void OnResponse(SipMessage response)
    {
        if (response.StatusCode is < 200 or >= 300)
        {
            return;
        }

        if (_ack is not null && response.ToTag.Span.SequenceEqual(_remoteTag))
        {
            _engine.Transport.Send(_ack, _destination); // the same ACK for each retransmission of the 2xx (§13.2.2.4)
        }
        else if (!_invite.IsEmpty && SipMessageParser.TryParse(_invite, out var invite, out _))
        {
            AckAndBye(_engine, invite, response, _destination);
        }
    }

    /// <summary>A 2xx from the peer of <paramref name="dialog"/> (same To tag): a retransmission of the one it confirmed.</summary>
    public static bool IsRetransmissionFor(SipDialog? dialog, SipMessage response) =>
        dialog is not null && response.ToTag.Span.SequenceEqual(Encoding.UTF8.GetBytes(dialog.RemoteTag));

    /// <summary>The ACK for a 2xx of <paramref name="dialog"/> (sent again for each retransmission).</summary>
    public static void Ack(CallEngine engine, SipDialog dialog, SipMessage response, SipDestination destination) =>
        engine.Transport.Send(dialog.CreateAck(response.CSeq), destination);

    /// <summary>A 2xx nobody wants (a losing fork, or the call is over): ACK it and hang that dialog up at once.</summary>
    public static void AckAndBye(CallEngine engine, SipMessage? invite, SipMessage response, SipDestination destination)
    {
        if (invite is null || !SipDialog.TryCreateUac(invite, response, out var stray, out _))
        {
            return;
        }

        engine.Transport.Send(stray!.CreateAck(response.CSeq), destination);
        var bye = stray.CreateRequest(SipMethod.Bye);
        stray.Terminate();
        engine.Transactions.SendRequest(bye, destination, IgnoredResponses.Instance);
    }
}
