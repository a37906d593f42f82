using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.2: Trying → (1xx) Proceeding → (final) Completed → Timer J → Terminated. Retransmitted requests are
/// absorbed in Trying and answered with the last response afterwards.
/// </summary>
internal sealed class NonInviteServerTransaction : ServerTransaction
{
    public NonInviteServerTransaction(SipTransactionLayer layer, SipMessage request, SipDestination responseDestination)
        : base(layer, request, responseDestination, SipTransactionState.Trying)
    {
    }

    private protected override bool SendResponseLocked(ReadOnlyMemory<byte> response, int statusCode, ref Effects effects)
    {
        if (CurrentState is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return false;
        if (!SendAndRemember(response, statusCode, ref effects)) return false;
        if (statusCode < 200)
        {
            CurrentState = SipTransactionState.Proceeding;
            return true;
        }
        CurrentState = SipTransactionState.Completed;
        StartWaitTimer(IsReliable ? TimeSpan.Zero : Timers.TransactionTimeout, ref effects); // Timer J
        // Retransmissions are matched by key and answered with the kept response: the request is dead weight for 32 s.
        if (!IsReliable) ReleaseRequest();
        return true;
    }

    internal override void OnRetransmission(SipMessage request)
    {
        var effects = new Effects();
        lock (Gate)
        {
            if (CurrentState is SipTransactionState.Proceeding or SipTransactionState.Completed) ResendLast(ref effects);
        }
        Finish(in effects);
    }

    private protected override void OnRetransmitTimerLocked(ref Effects effects) { }

    private protected override void OnTimeoutTimerLocked(ref Effects effects) { }
}
