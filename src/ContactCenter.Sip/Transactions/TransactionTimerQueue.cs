namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Every timer of a transaction layer on one <see cref="ITimer"/> of the injected <see cref="TimeProvider"/>: deadlines
/// sit in an indexed binary min-heap, the timer is re-armed to the earliest, and when it fires every deadline already
/// due is handled in one batch. Under load a layer holds a hundred thousand transactions waiting out Timer J; a system
/// timer each (three objects and a timer-queue entry per transaction, a thread-pool wakeup per expiry) cost more CPU
/// and GC time than the SIP work itself. Arming, moving and cancelling allocate nothing once the heap has grown.
/// </summary>
/// <remarks>
/// Lock order: a transaction's gate, then this queue's lock; expired transactions are called after the lock is
/// released. A cancelled entry leaves the heap at once, so the queue never keeps a terminated transaction alive.
/// </remarks>
internal sealed class TransactionTimerQueue : IDisposable
{
    private const int MaxBatch = 1024;

    private readonly Lock _lock = new();
    private readonly Lock _armLock = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly long _resolution;
    private Entry[] _heap = new Entry[64];
    private int _count;
    private long _armedFor = long.MaxValue;
    private bool _processing;
    private bool _disposed;
    private Entry[] _batch = new Entry[16];

    /// <param name="time">The clock: deadlines are <see cref="TimeProvider.GetTimestamp"/> values.</param>
    /// <param name="waitResolution">Coalescing step for wait timers (see <see cref="SipTimerSettings.WaitTimerResolution"/>).</param>
    public TransactionTimerQueue(TimeProvider time, TimeSpan waitResolution)
    {
        _time = time;
        _resolution = ToTimestampTicks(waitResolution);
        _timer = time.CreateTimer(static s => ((TransactionTimerQueue)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Deadlines waiting (for tests and diagnostics).</summary>
    public int Count
    {
        get { lock (_lock) return _count; }
    }

    /// <summary>
    /// Arms (or moves) <paramref name="role"/> of <paramref name="transaction"/> to fire <paramref name="delay"/> from
    /// now. <paramref name="coalesce"/> rounds the deadline up to the wait resolution: never early, at most one step late.
    /// </summary>
    public void Schedule(SipTransaction transaction, SipTransaction.TimerRole role, int generation, TimeSpan delay, bool coalesce)
    {
        long due = _time.GetTimestamp() + ToTimestampTicks(delay);
        if (coalesce && _resolution > 1)
        {
            long remainder = due % _resolution;
            if (remainder != 0) due += _resolution - remainder;
        }
        bool rearm;
        lock (_lock)
        {
            if (_disposed) return;
            ref int index = ref transaction.TimerHeapIndex(role);
            if (index < 0)
            {
                if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
                index = _count++;
                _heap[index] = new Entry(due, transaction, role, generation);
                SiftUp(index);
            }
            else
            {
                long old = _heap[index].Due;
                _heap[index] = new Entry(due, transaction, role, generation);
                if (due < old) SiftUp(index);
                else SiftDown(index);
            }
            rearm = !_processing && due < _armedFor;
            if (rearm) _armedFor = due;
        }
        if (rearm) Arm();
    }

    /// <summary>
    /// Whether <paramref name="role"/> has a deadline in the heap. Read without the lock by the transaction under its
    /// gate: only that transaction arms it, and a concurrent expiry only clears it, which <see cref="Cancel"/> tolerates.
    /// </summary>
    public static bool IsArmed(SipTransaction transaction, SipTransaction.TimerRole role) =>
        Volatile.Read(ref transaction.TimerHeapIndex(role)) >= 0;

    /// <summary>Removes the deadline of <paramref name="role"/>, if armed.</summary>
    public void Cancel(SipTransaction transaction, SipTransaction.TimerRole role)
    {
        lock (_lock)
        {
            ref int index = ref transaction.TimerHeapIndex(role);
            if (index >= 0) RemoveAt(index);
        }
        // The system timer stays armed for the old earliest deadline; firing for nothing just re-arms.
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            for (int i = 0; i < _count; i++)
            {
                _heap[i].Transaction.TimerHeapIndex(_heap[i].Role) = -1;
                _heap[i] = default;
            }
            _count = 0;
        }
        _timer.Dispose();
    }

    private void Fire()
    {
        lock (_lock)
        {
            // A second callback while a batch runs (the timer was re-armed meanwhile) leaves the work to the running one.
            if (_processing || _disposed) return;
            _processing = true;
            _armedFor = long.MaxValue;
        }
        long next = long.MaxValue;
        try
        {
            while (true)
            {
                int taken = 0;
                lock (_lock)
                {
                    long now = _time.GetTimestamp();
                    while (_count > 0 && _heap[0].Due <= now && taken < MaxBatch)
                    {
                        if (taken == _batch.Length) Array.Resize(ref _batch, _batch.Length * 2);
                        _batch[taken++] = _heap[0];
                        RemoveAt(0);
                    }
                    if (taken == 0)
                    {
                        _processing = false;
                        if (_count > 0 && !_disposed)
                        {
                            next = _heap[0].Due;
                            _armedFor = next;
                        }
                        break;
                    }
                }
                for (int i = 0; i < taken; i++)
                {
                    ref var entry = ref _batch[i];
                    entry.Transaction.OnTimer(entry.Role, entry.Generation); // catches and reports its own exceptions
                    entry = default;
                }
            }
        }
        catch
        {
            // Only a bug in this class gets here; never end the timer thread, and never stop firing.
            lock (_lock)
            {
                _processing = false;
                next = _count > 0 ? _heap[0].Due : long.MaxValue;
                _armedFor = next;
            }
        }
        if (next != long.MaxValue) Arm();
    }

    /// <summary>
    /// Points the system timer at the latest decided deadline. Serialized, and always reading the newest decision, so a
    /// thread arming for a later deadline can never overwrite another's earlier one.
    /// </summary>
    private void Arm()
    {
        lock (_armLock)
        {
            long due;
            lock (_lock) due = _armedFor;
            if (due == long.MaxValue) return;
            long wait = due - _time.GetTimestamp();
            try
            {
                _timer.Change(wait <= 0 ? TimeSpan.Zero : FromTimestampTicks(wait), Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed concurrently: nothing is left to fire.
            }
        }
    }

    private void RemoveAt(int index)
    {
        _heap[index].Transaction.TimerHeapIndex(_heap[index].Role) = -1;
        int last = --_count;
        if (index != last)
        {
            _heap[index] = _heap[last];
            _heap[last] = default;
            SetIndex(index);
            if (index > 0 && _heap[index].Due < _heap[(index - 1) / 2].Due) SiftUp(index);
            else SiftDown(index);
        }
        else
        {
            _heap[last] = default;
        }
    }

    private void SiftUp(int index)
    {
        var entry = _heap[index];
        while (index > 0)
        {
            int parent = (index - 1) / 2;
            if (_heap[parent].Due <= entry.Due) break;
            _heap[index] = _heap[parent];
            SetIndex(index);
            index = parent;
        }
        _heap[index] = entry;
        SetIndex(index);
    }

    private void SiftDown(int index)
    {
        var entry = _heap[index];
        while (true)
        {
            int child = index * 2 + 1;
            if (child >= _count) break;
            if (child + 1 < _count && _heap[child + 1].Due < _heap[child].Due) child++;
            if (entry.Due <= _heap[child].Due) break;
            _heap[index] = _heap[child];
            SetIndex(index);
            index = child;
        }
        _heap[index] = entry;
        SetIndex(index);
    }

    private void SetIndex(int index) => _heap[index].Transaction.TimerHeapIndex(_heap[index].Role) = index;

    private long ToTimestampTicks(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return 0;
        long frequency = _time.TimestampFrequency;
        if (frequency == TimeSpan.TicksPerSecond) return span.Ticks;
        // Rounded up: a deadline is never early.
        return (long)(((Int128)span.Ticks * frequency + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
    }

    /// <summary>Rounded up to whole milliseconds: system timers truncate to them, and an early wake would spin.</summary>
    private TimeSpan FromTimestampTicks(long ticks)
    {
        long frequency = _time.TimestampFrequency;
        long spanTicks = frequency == TimeSpan.TicksPerSecond
            ? ticks
            : (long)(((Int128)ticks * TimeSpan.TicksPerSecond + frequency - 1) / frequency);
        long remainder = spanTicks % TimeSpan.TicksPerMillisecond;
        return TimeSpan.FromTicks(remainder == 0 ? spanTicks : spanTicks + TimeSpan.TicksPerMillisecond - remainder);
    }

    private readonly record struct Entry(long Due, SipTransaction Transaction, SipTransaction.TimerRole Role, int Generation);
}
