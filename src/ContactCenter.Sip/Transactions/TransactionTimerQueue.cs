namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Every timer of a transaction layer on one <see cref="ITimer"/> of the injected <see cref="TimeProvider"/>: deadlines
/// sit in an indexed binary min-heap, the timer is re-armed to the earliest, and when it fires every deadline already
/// due is handled in one batch. Under load a layer holds a hundred thousand transactions waiting out Timer J; a system
/// timer each (three objects and a timer-queue entry per transaction, a thread-pool wakeup per expiry) cost more CPU
/// and GC time than the SIP work itself. Arming, moving and cancelling allocate nothing once the heap has grown.
/// </summary>
/// <remarks>
/// Wait timers (Timers D, I, J, K, L, M: the coalesced ones) skip the heap: every transaction arms them with one of a few
/// fixed delays (64·T1, T4), so for one delay they are armed in deadline order and a first-in-first-out line per delay
/// is already sorted. Arming and expiring is then O(1) instead of a sift through a heap of a hundred thousand entries,
/// each step a cache miss on another transaction (5% of the server's CPU at 3,000 calls/s).
/// Lock order: a transaction's gate, then this queue's lock; expired transactions are called after the lock is
/// released. A cancelled heap entry leaves the heap at once; a cancelled wait entry stays in its line, inert, until
/// its deadline (the transaction's slot no longer names it), so it may keep an ended transaction for up to that wait.
/// </remarks>
internal sealed class TransactionTimerQueue : IDisposable
{
    private const int MaxBatch = 1024;
    private const int MaxWaitLines = 8;

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
    private readonly WaitLine[] _lines = new WaitLine[MaxWaitLines];
    private int _lineCount;
    private int _waiting;      // live entries in the wait lines
    private int _nextTicket;   // names a wait entry in its transaction's slot (as -2 - ticket)

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
        get { lock (_lock) return _count + _waiting; }
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
            if (index <= -2)
            {
                index = -1; // re-armed: the old wait entry goes inert
                _waiting--;
            }
            if (coalesce && LineFor(delay) is { } line)
            {
                if (index >= 0) RemoveAt(index);
                int ticket = _nextTicket;
                _nextTicket = ticket == int.MaxValue - 2 ? 0 : ticket + 1;
                line.Append(new Entry(due, transaction, role, generation, ticket));
                index = -2 - ticket;
                _waiting++;
            }
            else if (index < 0)
            {
                if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
                index = _count++;
                _heap[index] = new Entry(due, transaction, role, generation, 0);
                SiftUp(index);
            }
            else
            {
                long old = _heap[index].Due;
                _heap[index] = new Entry(due, transaction, role, generation, 0);
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
        Volatile.Read(ref transaction.TimerHeapIndex(role)) != -1;

    /// <summary>Removes the deadline of <paramref name="role"/>, if armed.</summary>
    public void Cancel(SipTransaction transaction, SipTransaction.TimerRole role)
    {
        lock (_lock)
        {
            ref int index = ref transaction.TimerHeapIndex(role);
            if (index >= 0) RemoveAt(index);
            else if (index <= -2)
            {
                index = -1; // the entry stays in its line, inert
                _waiting--;
            }
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
            for (int i = 0; i < _lineCount; i++)
            {
                var line = _lines[i];
                while (line.TryTake(long.MaxValue, out var entry))
                    if (IsLive(entry)) entry.Transaction.TimerHeapIndex(entry.Role) = -1;
            }
            _waiting = 0;
        }
        _timer.Dispose();
    }

    /// <summary>
    /// Fires what is due now on the calling thread; nothing (one clock read) when nothing is. The system timer, re-armed
    /// for what remains, still fires whatever no caller got to.
    /// </summary>
    public void RunDue()
    {
        // _armedFor is the earliest deadline decided (long.MaxValue while a batch runs): a stale read only
        // fires a little early (Fire re-checks every deadline under the lock) or leaves it to the system timer.
        long armed = Volatile.Read(ref _armedFor);
        if (armed == long.MaxValue || armed > _time.GetTimestamp()) return;
        Fire();
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
                    for (int i = 0; i < _lineCount && taken < MaxBatch; i++)
                    {
                        var line = _lines[i];
                        while (taken < MaxBatch && line.TryTake(now, out var entry))
                        {
                            if (!IsLive(entry)) continue;
                            entry.Transaction.TimerHeapIndex(entry.Role) = -1;
                            _waiting--;
                            if (taken == _batch.Length) Array.Resize(ref _batch, _batch.Length * 2);
                            _batch[taken++] = entry;
                        }
                    }
                    if (taken == 0)
                    {
                        _processing = false;
                        if (!_disposed && Earliest() is var earliest && earliest != long.MaxValue)
                        {
                            next = earliest;
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
                next = Earliest();
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

    /// <summary>The earliest deadline in the heap or at the head of a wait line (an inert head only wakes the timer early).</summary>
    private long Earliest()
    {
        long earliest = _count > 0 ? _heap[0].Due : long.MaxValue;
        for (int i = 0; i < _lineCount; i++)
            if (_lines[i].HeadDue < earliest) earliest = _lines[i].HeadDue;
        return earliest;
    }

    /// <summary>Whether a wait entry is still the one its transaction's slot names (not cancelled nor re-armed).</summary>
    private static bool IsLive(in Entry entry) => entry.Transaction.TimerHeapIndex(entry.Role) == -2 - entry.Ticket;

    /// <summary>The line for wait timers of this delay; null when there are already too many delays (the heap takes it).</summary>
    private WaitLine? LineFor(TimeSpan delay)
    {
        long ticks = delay.Ticks;
        for (int i = 0; i < _lineCount; i++)
            if (_lines[i].Delay == ticks) return _lines[i];
        if (_lineCount == MaxWaitLines) return null;
        return _lines[_lineCount++] = new WaitLine(ticks);
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

    private readonly record struct Entry(long Due, SipTransaction Transaction, SipTransaction.TimerRole Role, int Generation, int Ticket);

    /// <summary>A ring of wait entries armed with one delay: appended in deadline order, taken from the head.</summary>
    private sealed class WaitLine(long delay)
    {
        private Entry[] _ring = new Entry[64];
        private int _head;
        private int _count;

        public long Delay { get; } = delay;

        public long HeadDue => _count > 0 ? _ring[_head].Due : long.MaxValue;

        public void Append(in Entry entry)
        {
            if (_count == _ring.Length)
            {
                var grown = new Entry[_ring.Length * 2];
                int firstPart = _ring.Length - _head;
                Array.Copy(_ring, _head, grown, 0, firstPart);
                Array.Copy(_ring, 0, grown, firstPart, _head);
                _ring = grown;
                _head = 0;
            }
            // Threads read the clock before taking the lock, so a deadline may trail the tail's by microseconds: it
            // takes the tail's (later, never earlier) and the line stays sorted.
            var tail = _count > 0 ? _ring[(_head + _count - 1) % _ring.Length].Due : long.MinValue;
            _ring[(_head + _count) % _ring.Length] = entry.Due < tail ? entry with { Due = tail } : entry;
            _count++;
        }

        public bool TryTake(long now, out Entry entry)
        {
            if (_count == 0 || _ring[_head].Due > now)
            {
                entry = default;
                return false;
            }
            entry = _ring[_head];
            _ring[_head] = default;
            _head = (_head + 1) % _ring.Length;
            _count--;
            return true;
        }
    }
}
