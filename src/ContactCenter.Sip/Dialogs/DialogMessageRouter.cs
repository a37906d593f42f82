using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// Routes what arrives for existing dialogs to the dialogs of a <see cref="SipDialogTable"/>: requests with a To tag
/// (checked, or refused with 481/500), and what the transaction layer hands the TU outside any transaction
/// (<c>OnStrayAck</c>, <c>OnStrayResponse</c>): the ACK for our 2xx stops its retransmission, a retransmitted 2xx for our
/// INVITE gets the same ACK again. Forks of an INVITE still running are the <see cref="InviteForkSet"/>'s job.
/// </summary>
public sealed class DialogMessageRouter(SipDialogTable table)
{
    public SipDialogTable Table { get; } = table ?? throw new ArgumentNullException(nameof(table));

    /// <summary>
    /// A new request (from <c>OnRequest</c>) with a To tag, other than ACK and CANCEL: its dialog checks it
    /// (<see cref="SipDialog.CheckIncomingRequest"/>). No dialog, or one that ended, is 481 (§12.2.2); a lower CSeq is 500.
    /// </summary>
    public InDialogRequestOutcome RouteRequest(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dialog = Table.FindForRequest(request);
        if (dialog is null)
            return new InDialogRequestOutcome(null, DialogRequestVerdict.DialogTerminated, 481, "Call/Transaction Does Not Exist");
        var verdict = dialog.CheckIncomingRequest(request);
        return verdict switch
        {
            DialogRequestVerdict.Accept => new InDialogRequestOutcome(dialog, verdict, 0, ""),
            DialogRequestVerdict.OutOfOrder => new InDialogRequestOutcome(dialog, verdict, 500, "Server Internal Error"),
            _ => new InDialogRequestOutcome(dialog, verdict, 481, "Call/Transaction Does Not Exist"),
        };
    }

    /// <summary>An ACK from <c>ISipTransactionUser.OnStrayAck</c>: finds its dialog and tells whether it was awaited.</summary>
    public StrayAckOutcome RouteAck(SipMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (!ack.IsRequest || ack.Method != SipMethod.Ack) return new StrayAckOutcome(null, AckMatch.NotAwaited);
        var dialog = Table.FindForRequest(ack);
        return dialog is null ? new StrayAckOutcome(null, AckMatch.NotAwaited) : new StrayAckOutcome(dialog, dialog.AcceptAck(ack));
    }

    /// <summary>
    /// A response from <c>OnStrayResponse</c>: a 2xx to an INVITE whose dialog we hold is a retransmission (our ACK was
    /// lost), answered with the ACK built for it; anything else is discarded.
    /// </summary>
    public StrayResponseOutcome RouteResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsResponse || response.CSeqMethod != SipMethod.Invite || response.StatusCode is < 200 or >= 300)
            return new StrayResponseOutcome(null, StrayResponseAction.Discard, null);
        var dialog = Table.FindForResponse(response);
        // Only an INVITE we sent in this dialog can have a 2xx: never one above our own CSeq.
        if (dialog is null || dialog.State != SipDialogState.Confirmed || dialog.LocalCSeq is not { } sent || response.CSeq > sent)
            return new StrayResponseOutcome(dialog, StrayResponseAction.Discard, null);
        return new StrayResponseOutcome(dialog, StrayResponseAction.ResendAck, dialog.CreateAck(response.CSeq));
    }
}
