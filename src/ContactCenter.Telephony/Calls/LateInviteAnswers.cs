using System.Text;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// What an INVITE we sent still needs after its call has been released: the client transaction waits 64·T1 for 2xx
/// retransmissions (RFC 6026 "Accepted"), and each one must be ACKed again (our ACK was lost) or, from a fork we never
/// confirmed, ACKed and hung up. Holding only the dialog, the INVITE and the destination here — not the whole call with
/// its legs, media and SDP — is what lets an ended call be collected at once instead of 32 s later.
/// </summary>
internal sealed class LateInviteAnswers(CallEngine engine, SipDialog? dialog, SipMessage? invite, SipDestination destination)
{
    /// <summary>Runs on the transaction's thread; the call's queue is gone.</summary>
    public void OnResponse(SipMessage response)
    {
        if (response.StatusCode is < 200 or >= 300)
        {
            return;
        }

        if (IsRetransmissionFor(dialog, response))
        {
            Ack(engine, dialog!, response, destination);
        }
        else
        {
            AckAndBye(engine, invite, response, destination);
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
