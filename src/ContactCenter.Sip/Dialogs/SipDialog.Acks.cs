using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

public sealed partial class SipDialog
{
    private InviteSuccessRetransmitter? _awaitingAck;

    /// <summary>The 2xx retransmission waiting for its ACK, or null.</summary>
    public InviteSuccessRetransmitter? AwaitingAck
    {
        get { lock (_gate) return _awaitingAck; }
    }

    /// <summary>
    /// Registers the retransmission of a 2xx we sent to an INVITE (initial or re-INVITE) so that the ACK, which comes to
    /// the TU as a stray ACK, stops it (<see cref="AcceptAck"/>). A previous one still running is disposed.
    /// </summary>
    public void AwaitAck(InviteSuccessRetransmitter retransmitter)
    {
        ArgumentNullException.ThrowIfNull(retransmitter);
        InviteSuccessRetransmitter? previous;
        lock (_gate)
        {
            previous = _awaitingAck;
            _awaitingAck = retransmitter;
        }
        if (previous is not null && !ReferenceEquals(previous, retransmitter)) previous.Dispose();
    }

    /// <summary>An ACK routed to this dialog: stops the 2xx retransmission it acknowledges (same CSeq number, §13.3.1.4).</summary>
    public AckMatch AcceptAck(SipMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (ack.Method != SipMethod.Ack) throw new ArgumentException("Not an ACK.", nameof(ack));
        InviteSuccessRetransmitter? awaited;
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated) return AckMatch.DialogTerminated;
            awaited = _awaitingAck;
            if (awaited is null || awaited.InviteCSeq != ack.CSeq) return AckMatch.NotAwaited;
            _awaitingAck = null;
        }
        return awaited.Acknowledge() ? AckMatch.Awaited : AckMatch.NotAwaited;
    }
}
