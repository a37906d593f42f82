using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.2: Trying (Timer E retransmits at T1, 2T1, … up to T2; Timer F times out) → (1xx) Proceeding
/// (Timer E at T2) → (final) Completed → Timer K → Terminated.
/// </summary>
internal sealed class NonInviteClientTransaction : ClientTransaction
{
    public NonInviteClientTransaction(SipTransactionLayer layer, SipMessage request, SipDestination destination, IClientTransactionUser user)
        : base(layer, request, destination, user, SipTransactionState.Trying)
    {
    }

    private protected override void StartTimersLocked()
    {
        if (!IsReliable) StartRetransmitTimer(Timers.T1); // Timer E
        StartTimeoutTimer(Timers.TransactionTimeout);      // Timer F
    }

    private protected override bool OnResponseLocked(SipMessage response, ref Effects effects)
    {
        if (CurrentState is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return true; // Completed absorbs
        if (response.StatusCode < 200)
        {
            CurrentState = SipTransactionState.Proceeding;
            effects.ResponseForUser = response;
            return true;
        }
        CurrentState = SipTransactionState.Completed;
        DeliverFinal(response, ref effects, keep: false);
        // Completed only absorbs response retransmissions (by key): nothing is re-sent, so the request goes too.
        if (!IsReliable) ReleaseRequest();
        StartWaitTimer(IsReliable ? TimeSpan.Zero : Timers.T4, ref effects); // Timer K
        return true;
    }

    private protected override void OnRetransmitTimerLocked(ref Effects effects)
    {
        if (CurrentState is not (SipTransactionState.Trying or SipTransactionState.Proceeding)) return;
        if (!Send(Request.Raw, Destination, ref effects)) return;
        var next = CurrentState == SipTransactionState.Proceeding ? Timers.T2 : RetransmitInterval * 2;
        StartRetransmitTimer(next < Timers.T2 ? next : Timers.T2);
    }

    private protected override void OnTimeoutTimerLocked(ref Effects effects)
    {
        if (CurrentState is SipTransactionState.Trying or SipTransactionState.Proceeding) TimeOut(ref effects); // Timer F
    }
}
