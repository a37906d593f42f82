using System.Runtime.CompilerServices;

namespace ContactCenter.TestPeers;

public sealed partial class BaresipControl
{
    /// <summary>Older events are forgotten beyond this many, so a long run cannot grow without bound.</summary>
    public const int MaxKeptEvents = 10_000;

    private readonly object _eventsGate = new();
    private readonly List<BaresipEvent> _events = [];
    private long _lastSequence;
    private TaskCompletionSource _eventArrived = NewSignal();
    private bool _closed;
    private Exception? _closeReason;

    /// <summary>
    /// The sequence number of the newest event so far: pass it as <c>afterSequence</c> to wait only
    /// for events that come after an action.
    /// </summary>
    public long LastEventSequence
    {
        get
        {
            lock (_eventsGate)
            {
                return _lastSequence;
            }
        }
    }

    /// <summary>The kept events, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events
    {
        get
        {
            lock (_eventsGate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// The first event after <paramref name="afterSequence"/> (0: since connecting, including ones
    /// already received) that matches. Throws <see cref="TimeoutException"/> listing the events
    /// seen when none matches in time, and <see cref="IOException"/> as soon as the connection ends.
    /// </summary>
    public async Task<BaresipEvent> WaitForEventAsync(
        Func<BaresipEvent, bool> predicate, TimeSpan timeout, long afterSequence = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var timeoutSource = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var cursor = afterSequence;
        while (true)
        {
            var (newer, arrived, closed) = Snapshot(cursor);
            foreach (var candidate in newer)
            {
                cursor = candidate.Sequence;
                if (predicate(candidate))
                {
                    return candidate;
                }
            }
            if (closed)
            {
                throw new IOException(
                    $"baresip control connection closed before the awaited event. {Describe(afterSequence)}", _closeReason);
            }
            try
            {
                await arrived.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No matching baresip event within {timeout.TotalSeconds:0.#} s. {Describe(afterSequence)}");
            }
        }
    }

    /// <summary>The first event of type <paramref name="type"/> (see <see cref="BaresipEventTypes"/>).</summary>
    public Task<BaresipEvent> WaitForEventAsync(
        string type, TimeSpan timeout, long afterSequence = 0, CancellationToken cancellationToken = default) =>
        WaitForEventAsync(e => e.Type == type, timeout, afterSequence, cancellationToken);

    /// <summary>
    /// Every event after <paramref name="afterSequence"/> as it arrives; ends when the connection
    /// closes. Events dropped beyond <see cref="MaxKeptEvents"/> before being read are skipped.
    /// </summary>
    public async IAsyncEnumerable<BaresipEvent> ReadEventsAsync(
        long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var cursor = afterSequence;
        while (true)
        {
            var (newer, arrived, closed) = Snapshot(cursor);
            foreach (var next in newer)
            {
                cursor = next.Sequence;
                yield return next;
            }
            if (newer.Count == 0)
            {
                if (closed)
                {
                    yield break;
                }
                await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private bool IsClosed
    {
        get
        {
            lock (_eventsGate)
            {
                return _closed;
            }
        }
    }

    private (List<BaresipEvent> Newer, Task Arrived, bool Closed) Snapshot(long cursor)
    {
        lock (_eventsGate)
        {
            return (_events.Where(e => e.Sequence > cursor).ToList(), _eventArrived.Task, _closed);
        }
    }

    private void AddEvent(BaresipEvent received)
    {
        TaskCompletionSource arrived;
        lock (_eventsGate)
        {
            _events.Add(received with { Sequence = ++_lastSequence });
            if (_events.Count > MaxKeptEvents)
            {
                _events.RemoveRange(0, _events.Count - MaxKeptEvents);
            }
            arrived = _eventArrived;
            _eventArrived = NewSignal();
        }
        arrived.TrySetResult();
    }

    private void MarkClosed(Exception? reason)
    {
        TaskCompletionSource arrived;
        lock (_eventsGate)
        {
            _closed = true;
            _closeReason = reason;
            arrived = _eventArrived;
        }
        arrived.TrySetResult();
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("baresip control connection closed.", reason));
        }
    }

    private string Describe(long afterSequence)
    {
        var seen = Snapshot(afterSequence).Newer;
        return seen.Count == 0
            ? $"No events after #{afterSequence}."
            : $"Events after #{afterSequence}: {string.Join(", ", seen.TakeLast(40))}.";
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
