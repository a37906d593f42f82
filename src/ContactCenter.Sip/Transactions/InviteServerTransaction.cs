using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.1 with RFC 6026 §7.1: Proceeding → (2xx) Accepted → Timer L → Terminated;
/// Proceeding → (300-699) Completed, Timer G re-sends the response until the ACK (→ Confirmed, Timer I) or Timer H.
/// </summary>
internal sealed class InviteServerTransaction : ServerTransaction
{
    private ReadOnlyMemory<byte> _finalToTag;
    private bool _wasAccepted;

    public InviteServerTransaction(SipTransactionLayer layer, SipMessage request, SipDestination responseDestination)
        : base(layer, request, responseDestination, SipTransactionState.Proceeding)
    {
        // Sent when the INVITE arrives, or deferred (SipTimerSettings.TryingDelay): then only if the TU has not answered by then.
        if (Timers.TryingDelay <= TimeSpan.Zero) PrepareResponse(100, "Trying");
    }

    private protected override void OnStartedWithoutResponseLocked()
    {
        if (Timers.TryingDelay > TimeSpan.Zero) ArmWaitTimer(Timers.TryingDelay);
    }

    /// <summary>The deferred 100 Trying, unless a response was already sent (by the TU, or for a retransmitted INVITE).</summary>
    private void SendTryingIfSilent(ref Effects effects)
    {
        if (LastStatus != 0 || BuildResponse(100, "Trying") is not { } trying) return;
        SendAndRemember(trying, 100, ref effects);
    }

    private protected override void OnWaitTimerLocked(ref Effects effects)
    {
        switch (CurrentState)
        {
            case SipTransactionState.Proceeding:
                SendTryingIfSilent(ref effects);
                break;
            case SipTransactionState.Completed:
                break; // the deferred 100's timer, outlived by a final response: Timers G and H run this state
            default:
                base.OnWaitTimerLocked(ref effects); // Timer L (Accepted) or Timer I (Confirmed)
                break;
        }
    }

    private protected override bool SendResponseLocked(ReadOnlyMemory<byte> response, int statusCode, ref Effects effects)
    {
        switch (CurrentState)
        {
            case SipTransactionState.Proceeding when statusCode < 200:
                return SendAndRemember(response, statusCode, ref effects);
            case SipTransactionState.Proceeding when statusCode < 300:
                if (!SendAndRemember(response, statusCode, ref effects)) return false;
                // RFC 6026: the TU re-sends the 2xx until its ACK; the transaction stays to absorb INVITE retransmissions.
                CurrentState = SipTransactionState.Accepted;
                _wasAccepted = true;
                StartWaitTimer(Timers.TransactionTimeout, ref effects); // Timer L
                // Absorbing needs only the key: the request and the 2xx (the TU keeps its own copy to re-send) would be
                // 32 s of dead weight per call, most of the heap at high call rates.
                ReleaseRequest();
                ForgetLastResponse();
                return true;
            case SipTransactionState.Proceeding:
                if (!SendAndRemember(response, statusCode, ref effects)) return false;
                CurrentState = SipTransactionState.Completed;
                if (!Request.HasRfc3261Branch) _finalToTag = ToTagOf(response);
                if (!IsReliable) StartRetransmitTimer(Timers.T1); // Timer G
                StartTimeoutTimer(Timers.TransactionTimeout);      // Timer H
                return true;
            case SipTransactionState.Accepted when statusCode is >= 200 and < 300:
                return Send(response, ResponseDestination, ref effects); // the TU's 2xx retransmission, not kept
            default:
                return false;
        }
    }

    internal override void OnRetransmission(SipMessage request)
    {
        var effects = new Effects();
        lock (Gate)
        {
            // Proceeding: the most recent provisional response; Completed: the final one. Accepted and Confirmed absorb.
            // A retransmission before the deferred 100 Trying: the client is waiting, so it gets the 100 now.
            if (CurrentState == SipTransactionState.Proceeding && LastStatus == 0) SendTryingIfSilent(ref effects);
            else if (CurrentState is SipTransactionState.Proceeding or SipTransactionState.Completed) ResendLast(ref effects);
        }
        Finish(in effects);
    }

    /// <summary>An ACK matching this transaction. False when it belongs to the TU: the ACK for a 2xx (RFC 6026 §7.1).</summary>
    internal bool OnAck()
    {
        var effects = new Effects();
        bool absorbed;
        lock (Gate)
        {
            switch (CurrentState)
            {
                case SipTransactionState.Completed:
                    CurrentState = SipTransactionState.Confirmed;
                    StartWaitTimer(IsReliable ? TimeSpan.Zero : Timers.T4, ref effects); // Timer I; stops G and H
                    absorbed = true;
                    break;
                case SipTransactionState.Accepted:
                    absorbed = false;
                    break;
                default:
                    // Confirmed: a retransmitted ACK. Proceeding: an ACK before any final response has nothing to confirm.
                    absorbed = !_wasAccepted;
                    break;
            }
        }
        Finish(in effects);
        return absorbed;
    }

    /// <summary>For RFC 2543 ACK matching: the ACK's To tag must be the one of the final response (§17.2.3).</summary>
    internal bool FinalResponseToTagIs(ReadOnlySpan<byte> toTag)
    {
        lock (Gate)
        {
            if (_wasAccepted) return true; // a 2543 ACK for the 2xx goes up to the TU, which checks the dialog
            return !_finalToTag.IsEmpty && System.Text.Ascii.EqualsIgnoreCase(_finalToTag.Span, toTag);
        }
    }

    private protected override void OnRetransmitTimerLocked(ref Effects effects)
    {
        if (CurrentState != SipTransactionState.Completed) return;
        ResendLast(ref effects);
        if (CurrentState == SipTransactionState.Completed)
            StartRetransmitTimer(Min(RetransmitInterval * 2, Timers.T2)); // Timer G doubles up to T2
    }

    private protected override void OnTimeoutTimerLocked(ref Effects effects)
    {
        // Timer H: no ACK for the final response. The TU learns it through Completion.
        if (CurrentState == SipTransactionState.Completed) Terminate(SipTransactionOutcome.Timeout, ref effects);
    }

    private static ReadOnlyMemory<byte> ToTagOf(ReadOnlyMemory<byte> response) =>
        SipMessageParser.TryParse(response, out var parsed, out _) && parsed is not null ? parsed.ToTag : default;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
