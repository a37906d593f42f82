using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.1 with RFC 6026 §7.2: Calling (Timer A retransmits, Timer B times out) → (1xx) Proceeding →
/// (2xx) Accepted → Timer M → Terminated, or (300-699) Completed, the transaction ACKs, Timer D → Terminated.
/// </summary>
internal sealed class InviteClientTransaction : ClientTransaction
{
    private byte[]? _ack;

    public InviteClientTransaction(SipTransactionLayer layer, SipMessage request, SipDestination destination, IClientTransactionUser user)
        : base(layer, request, destination, user, SipTransactionState.Calling)
    {
    }

    private protected override void StartTimersLocked()
    {
        if (!IsReliable) StartRetransmitTimer(Timers.T1); // Timer A
        StartTimeoutTimer(Timers.TransactionTimeout);      // Timer B
    }

    private protected override bool OnResponseLocked(SipMessage response, ref Effects effects)
    {
        int status = response.StatusCode;
        switch (CurrentState)
        {
            case SipTransactionState.Calling or SipTransactionState.Proceeding when status < 200:
                if (CurrentState == SipTransactionState.Calling)
                {
                    // No more retransmissions, and Timer B only covers Calling: a proceeding INVITE waits for the TU
                    // to CANCEL it.
                    CurrentState = SipTransactionState.Proceeding;
                    StopRetransmitTimer();
                    StopTimeoutTimer();
                }
                effects.ResponseForUser = response;
                return true;
            case SipTransactionState.Calling or SipTransactionState.Proceeding when status < 300:
                CurrentState = SipTransactionState.Accepted;
                DeliverFinal(response, ref effects);
                StartWaitTimer(Timers.TransactionTimeout, ref effects); // Timer M; the TU ACKs the 2xx
                ReleaseForAccepted();
                return true;
            case SipTransactionState.Calling or SipTransactionState.Proceeding:
                CurrentState = SipTransactionState.Completed;
                DeliverFinal(response, ref effects);
                _ack = SipRequestBuilder.AckForNonSuccess(Request, response);
                if (Send(_ack, Destination, ref effects))
                    StartWaitTimer(IsReliable ? TimeSpan.Zero : Timers.TimerD, ref effects); // Timer D
                return true;
            case SipTransactionState.Accepted:
                if (status is >= 200 and < 300) effects.ResponseForUser = response; // retransmission or fork: the TU ACKs
                return true;
            case SipTransactionState.Completed:
                if (status >= 300 && _ack is not null) Send(_ack, Destination, ref effects); // the ACK was lost
                return true;
            default:
                return status is < 200 or >= 300; // a 2xx after Terminated goes to the TU as a stray
        }
    }

    private protected override void OnRetransmitTimerLocked(ref Effects effects)
    {
        if (CurrentState != SipTransactionState.Calling) return;
        if (!Send(Request.Raw, Destination, ref effects)) return;
        StartRetransmitTimer(RetransmitInterval * 2); // Timer A doubles without a cap until Timer B
    }

    private protected override void OnTimeoutTimerLocked(ref Effects effects)
    {
        if (CurrentState == SipTransactionState.Calling) TimeOut(ref effects); // Timer B
    }
}
