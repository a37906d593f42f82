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

        if (dialog is not null && response.ToTag.Span.SequenceEqual(Encoding.UTF8.GetBytes(dialog.RemoteTag)))
        {
            engine.Transport.Send(dialog.CreateAck(response.CSeq), destination);
            return;
        }

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
