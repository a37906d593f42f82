using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// What client and server transactions share: the request, the state under a per-transaction lock, the three timers
/// of RFC 3261 §17 (retransmission A/E/G, timeout B/F/H, wait D/I/J/K/L/M) as deadlines in the layer's
/// <see cref="TransactionTimerQueue"/> on the injected <see cref="TimeProvider"/>, and termination. The network, the TU and the timers race; every state change happens under <see cref="Gate"/>, and
/// the TU is called after the lock is released with what was decided under it (<see cref="Effects"/>).
/// </summary>
public abstract class SipTransaction
{
    // The transaction itself is the monitor (nothing outside locks on it): a Lock object each was 40 bytes and one more
    // object per transaction for the collector to copy and mark, and most transactions live 32 s absorbing retransmissions.
    private protected object Gate => this;
    private protected readonly SipTransactionLayer Layer;
    // Per timer role: the deadline's place in the queue's heap (-1: not armed; owned by the queue's lock) and the arming
    // generation (under Gate), so an expiry taken from the heap just before a stop or re-arm is recognised as stale.
    private TimerSlots _heapIndex = TimerSlots.Unarmed;
    private TimerSlots _generation;
    private SipTransactionState _state;
    private SipTransactionOutcome _outcome;
    private string? _branch;
    private SipMessage? _request;

    private protected SipTransaction(SipTransactionLayer layer, SipMessage request, bool isReliable, SipTransactionState initialState)
    {
        Layer = layer;
        _request = request;
        Method = request.Method;
        IsReliable = isReliable;
        _state = initialState;
    }

    /// <summary>
    /// The request that created the transaction. It is released when the transaction is left only absorbing
    /// retransmissions: a non-INVITE server transaction over UDP once its final response is sent (Timer J), an INVITE
    /// server transaction once its 2xx is sent (Timer L), an INVITE client transaction once a 2xx arrives (Timer M), a
    /// non-INVITE client transaction over UDP once its final response arrives (Timer K). Under load those waiting
    /// transactions were most of the heap. Read what you need from it before then (a client's TU keeps its own copy).
    /// </summary>
    /// <exception cref="InvalidOperationException">The request was released (see above).</exception>
    public SipMessage Request => _request ?? throw new InvalidOperationException(
        "The transaction's request is released once it only absorbs retransmissions (a final response sent by a non-INVITE server transaction, a 2xx sent or received for an INVITE); read it before then.");

    /// <summary>Whether <see cref="Request"/> is still held.</summary>
    public bool HasRequest => _request is not null;

    public SipMethod Method { get; }

    /// <summary>The top Via branch of the request.</summary>
    public string Branch
    {
        get
        {
            if (_branch is null)
            {
                var request = _request;
                if (request is not null) Interlocked.CompareExchange(ref _branch, System.Text.Encoding.ASCII.GetString(request.Branch.Span), null);
            }
            return _branch!;
        }
    }

    /// <summary>True over TCP/TLS/WS: no retransmission timers, and the wait timers D, I, J, K are zero (RFC 3261 §17).</summary>
    public bool IsReliable { get; }

    public SipTransactionState State
    {
        get { lock (Gate) return _state; }
    }

    /// <summary>Why the transaction ended; <see cref="SipTransactionOutcome.None"/> while it runs.</summary>
    public SipTransactionOutcome Outcome
    {
        get { lock (Gate) return _outcome; }
    }

    private protected SipTimerSettings Timers => Layer.Timers;

    /// <summary>The request, or null once released; for code that must not throw.</summary>
    private protected SipMessage? RequestOrNull => _request;

    /// <summary>Drops the request (its buffer and parsed headers), keeping the branch for <see cref="Branch"/>.</summary>
    private protected void ReleaseRequest()
    {
        _ = Branch;
        _request = null;
    }

    /// <summary>The state, for code already holding <see cref="Gate"/>.</summary>
    private protected SipTransactionState CurrentState
    {
        get => _state;
        set => _state = value;
    }

    private protected SipTransactionOutcome CurrentOutcome => _outcome;

    /// <summary>The interval the retransmission timer was last armed with (doubling of A, E, G).</summary>
    private protected TimeSpan RetransmitInterval { get; private set; }

    /// <summary>What a locked step decided for after the lock: a response for the client TU, and whether it ended.</summary>
    private protected struct Effects
    {
        public SipMessage? ResponseForUser;
        public SipTransactionOutcome Terminated;
    }

    /// <summary>Sends through the transport; a refusal terminates the transaction with a transport error (§17.1.4, §17.2.4).</summary>
    private protected bool Send(ReadOnlyMemory<byte> bytes, SipDestination destination, ref Effects effects)
    {
        if (Layer.Sender.Send(bytes, destination)) return true;
        Terminate(SipTransactionOutcome.TransportError, ref effects);
        OnTransportErrorLocked(ref effects);
        return false;
    }

    private protected virtual void OnTransportErrorLocked(ref Effects effects) { }

    private protected void Terminate(SipTransactionOutcome outcome, ref Effects effects)
    {
        if (_state == SipTransactionState.Terminated) return;
        _state = SipTransactionState.Terminated;
        _outcome = outcome;
        effects.Terminated = outcome;
        DisposeTimers();
    }

    private protected void StartRetransmitTimer(TimeSpan interval)
    {
        if (_state == SipTransactionState.Terminated) return;
        RetransmitInterval = interval;
        Arm(TimerRole.Retransmit, interval, coalesce: false);
    }

    private protected void StopRetransmitTimer() => Disarm(TimerRole.Retransmit);

    private protected void StartTimeoutTimer(TimeSpan due)
    {
        if (_state == SipTransactionState.Terminated) return;
        Arm(TimerRole.Timeout, due, coalesce: false);
    }

    private protected void StopTimeoutTimer() => Disarm(TimerRole.Timeout);

    /// <summary>Arms the wait timer of the current state, or terminates at once when it is zero (reliable transports).</summary>
    private protected void StartWaitTimer(TimeSpan due, ref Effects effects)
    {
        StopRetransmitTimer();
        StopTimeoutTimer();
        if (_state == SipTransactionState.Terminated) return;
        if (due <= TimeSpan.Zero)
        {
            Terminate(SipTransactionOutcome.Completed, ref effects);
            return;
        }
        // Wait timers only absorb retransmissions; they may end up to SipTimerSettings.WaitTimerResolution late.
        Arm(TimerRole.Wait, due, coalesce: true);
    }

    /// <summary>
    /// Arms the wait timer with no state change (the deferred 100 Trying of an INVITE server transaction in Proceeding),
    /// exactly: rounded up to the wait resolution it could pass the 200 ms RFC 3261 §17.2.1 allows.
    /// </summary>
    private protected void ArmWaitTimer(TimeSpan due)
    {
        if (_state != SipTransactionState.Terminated) Arm(TimerRole.Wait, due, coalesce: false);
    }

    private void Arm(TimerRole role, TimeSpan due, bool coalesce)
    {
        int generation = ++_generation[(int)role];
        Layer.TimerQueue.Schedule(this, role, generation, due, coalesce);
    }

    private void Disarm(TimerRole role)
    {
        if (TransactionTimerQueue.IsArmed(this, role)) Layer.TimerQueue.Cancel(this, role);
        _generation[(int)role]++;
    }

    /// <summary>The heap slot of <paramref name="role"/>; only <see cref="TransactionTimerQueue"/> touches it, under its lock.</summary>
    internal ref int TimerHeapIndex(TimerRole role) => ref _heapIndex[(int)role];

    private protected abstract void OnRetransmitTimerLocked(ref Effects effects);

    private protected abstract void OnTimeoutTimerLocked(ref Effects effects);

    /// <summary>The wait timer ends the transaction normally in every state that arms it.</summary>
    private protected virtual void OnWaitTimerLocked(ref Effects effects) => Terminate(SipTransactionOutcome.Completed, ref effects);

    /// <summary>Runs after the lock: removes an ended transaction from the table, then tells the TU.</summary>
    private protected void Finish(in Effects effects)
    {
        if (effects.Terminated != SipTransactionOutcome.None) Layer.Remove(this);
        try
        {
            Notify(in effects);
        }
        catch (Exception ex)
        {
            Layer.ReportCallbackError(ex);
        }
    }

    private protected abstract void Notify(in Effects effects);

    /// <summary>The layer is being disposed: stop the timers and end without touching the network.</summary>
    internal void Abandon()
    {
        var effects = new Effects();
        lock (Gate) Terminate(SipTransactionOutcome.Shutdown, ref effects);
        try
        {
            Notify(in effects);
        }
        catch (Exception ex)
        {
            Layer.ReportCallbackError(ex);
        }
    }

    /// <summary>Called by the timer queue when a deadline is due, outside the queue's lock.</summary>
    internal void OnTimer(TimerRole role, int generation)
    {
        try
        {
            var effects = new Effects();
            lock (Gate)
            {
                // Stopped or re-armed after the queue took this deadline: a stale expiry, ignored.
                if (_state == SipTransactionState.Terminated || _generation[(int)role] != generation) return;
                switch (role)
                {
                    case TimerRole.Retransmit: OnRetransmitTimerLocked(ref effects); break;
                    case TimerRole.Timeout: OnTimeoutTimerLocked(ref effects); break;
                    default: OnWaitTimerLocked(ref effects); break;
                }
            }
            Finish(in effects);
        }
        catch (Exception ex)
        {
            // A timer thread must never see an exception: it would end the process.
            Layer.ReportCallbackError(ex);
        }
    }

    private void DisposeTimers()
    {
        StopRetransmitTimer();
        StopTimeoutTimer();
        Disarm(TimerRole.Wait);
    }

    internal enum TimerRole : byte { Retransmit, Timeout, Wait }

    [System.Runtime.CompilerServices.InlineArray(3)]
    private struct TimerSlots
    {
        private int _element;

        public static TimerSlots Unarmed
        {
            get
            {
                var slots = new TimerSlots();
                ((Span<int>)slots).Fill(-1);
                return slots;
            }
        }
    }
}
