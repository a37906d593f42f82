using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// RFC 3261 §13.3.1.4 (with RFC 6026): the UAS core, not the transaction, keeps a 2xx to an INVITE alive until its ACK
/// arrives: re-sent after T1, then at intervals doubling up to T2. With no ACK 64*T1 after the first send it gives up
/// and reports the timeout; the dialog is confirmed but the session should then end with a BYE.
/// Runs on the injected <see cref="TimeProvider"/>; one system timer, re-armed for each step.
/// </summary>
public sealed class InviteSuccessRetransmitter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Func<bool> _resend;
    private readonly Action<InviteSuccessRetransmitter> _onAckTimeout;
    private readonly TimeProvider _time;
    private readonly SipTimerSettings _timers;
    private ITimer? _timer;
    private TimeSpan _interval;
    private long _deadline;
    private bool _pending;
    private int _retransmissions;

    /// <param name="inviteCSeq">The INVITE's CSeq: the ACK that ends this carries the same number.</param>
    /// <param name="resend">
    /// Sends the 2xx again; typically <c>() =&gt; serverTransaction.SendResponse(okBytes)</c> (the transaction accepts
    /// 2xx retransmissions while Accepted) or a send through the transport. Called on a timer thread; must not block.
    /// </param>
    /// <param name="onAckTimeout">Called once, on a timer thread, when 64*T1 pass without the ACK.</param>
    public InviteSuccessRetransmitter(uint inviteCSeq, Func<bool> resend, TimeProvider time, SipTimerSettings timers,
        Action<InviteSuccessRetransmitter> onAckTimeout)
    {
        ArgumentNullException.ThrowIfNull(resend);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(onAckTimeout);
        timers.Validate();
        InviteCSeq = inviteCSeq;
        _resend = resend;
        _time = time;
        _timers = timers;
        _onAckTimeout = onAckTimeout;
    }

    public uint InviteCSeq { get; }

    /// <summary>True from <see cref="Start"/> until the ACK, the timeout or <see cref="Dispose"/>.</summary>
    public bool IsPending
    {
        get { lock (_gate) return _pending; }
    }

    /// <summary>How many times the 2xx was re-sent (the first send, by the caller, not counted).</summary>
    public int Retransmissions
    {
        get { lock (_gate) return _retransmissions; }
    }

    /// <summary>Starts the schedule; call right after the 2xx was first sent. Calling it twice throws.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_timer is not null) throw new InvalidOperationException("Already started.");
            _pending = true;
            _interval = _timers.T1;
            _deadline = _time.GetTimestamp() + ToTicks(_timers.TransactionTimeout);
            _timer = _time.CreateTimer(static state => ((InviteSuccessRetransmitter)state!).OnTimer(), this, _interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The ACK arrived: stops the retransmissions. True the first time (the ACK that was awaited), false after.</summary>
    public bool Acknowledge()
    {
        lock (_gate)
        {
            if (!_pending) return false;
            StopLocked();
            return true;
        }
    }

    public void Dispose()
    {
        lock (_gate) StopLocked();
    }

    private void OnTimer()
    {
        bool timedOut;
        lock (_gate)
        {
            if (!_pending) return;
            var left = FromTicks(_deadline - _time.GetTimestamp());
            timedOut = left <= TimeSpan.Zero;
            if (timedOut) StopLocked();
            else
            {
                _retransmissions++;
                _interval = _interval * 2 < _timers.T2 ? _interval * 2 : _timers.T2;
                _timer!.Change(_interval < left ? _interval : left, Timeout.InfiniteTimeSpan);
            }
        }
        // Outside the lock: the callbacks may call back in (Acknowledge, Dispose) or take the caller's locks.
        if (timedOut) _onAckTimeout(this);
        else _resend();
    }

    private void StopLocked()
    {
        _pending = false;
        _timer?.Dispose();
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    private TimeSpan FromTicks(long ticks) => TimeSpan.FromSeconds((double)ticks / _time.TimestampFrequency);
}
