using System.Text.Json;

namespace ContactCenter.Events.InProcess;

/// <summary>
/// The embedded <see cref="IEventBus"/>: one process, fan-out on System.Threading.Channels.
/// </summary>
/// <remarks>
/// One short lock orders everything that must be atomic: assigning the seq, storing the event in the
/// history ring, offering it to each live subscriber's bounded channel (TryWrite, never a wait), and
/// a catching-up subscriber's switch from replay to live. Doing the fan-out inside the lock is what
/// makes every subscriber see ascending seqs under concurrent publishers, and makes the replay→live
/// switch exact: the switch happens under the lock at the current seq, so the next event goes to the
/// live channel and the previous one came from the ring. No consumer code ever runs under the lock
/// (channel continuations run asynchronously). Measured on the 2-core dev box (Release, one
/// publisher): a whole publish costs ~130 ns with no subscriber, ~230 ns with one, ~450 ns with four,
/// of which ~80 ns (clock, id, envelope) happen before the lock; each subscriber whose filter rejects
/// the event adds ~7 ns. Two contending publishers with four subscribers: ~1.8 M publishes/s.
/// </remarks>
public sealed class InProcessEventBus : IEventBus
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly EventEnvelope?[] _history;
    private readonly int _subscriberBufferCapacity;
    private readonly int _replayBatchSize;
    private InProcessEventSubscription[] _live = [];
    private long _lastSeq;

    /// <summary>Creates a bus that stamps events with <paramref name="timeProvider"/>'s clock.</summary>
    public InProcessEventBus(TimeProvider timeProvider, InProcessEventBusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new InProcessEventBusOptions();
        options.Validate();
        _timeProvider = timeProvider;
        _history = new EventEnvelope?[options.HistoryCapacity];
        _subscriberBufferCapacity = options.SubscriberBufferCapacity;
        _replayBatchSize = options.ReplayBatchSize;
        StreamId = options.StreamId ?? Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");
    }

    /// <inheritdoc />
    public string StreamId { get; }

    /// <inheritdoc />
    // Written after the fan-out (release) and read with acquire: a reader that sees seq N also sees
    // event N in its channel if its filter accepted it. InProcessEventSubscription.TryRead relies on it.
    public long CurrentSeq => Volatile.Read(ref _lastSeq);

    /// <summary>How many of the newest events are retained for replay.</summary>
    public int HistoryCapacity => _history.Length;

    /// <summary>The oldest seq a subscription can still replay from (1 until the ring wraps).</summary>
    public long OldestRetainedSeq
    {
        get
        {
            lock (_gate)
                return OldestRetained(_lastSeq);
        }
    }

    internal int LiveSubscriberCount => Volatile.Read(ref _live).Length;

    private long _overflows;

    /// <summary>Subscribers that fell a whole buffer behind and were told to re-sync, since start (the lagging-subscriber alarm's input).</summary>
    public long SubscriberOverflows => Interlocked.Read(ref _overflows);

    /// <inheritdoc />
    public EventEnvelope Publish(string type, object? payload = null, EventSubject subject = default, JsonElement? clientData = null)
    {
        // Everything that can throw or allocate happens before the lock.
        var now = _timeProvider.GetUtcNow();
        var envelope = new EventEnvelope(TimeOrderedIds.NewVersion7(now), type, now, subject, payload, clientData);
        lock (_gate)
        {
            long seq = _lastSeq + 1;
            envelope.AssignSeq(seq);
            _history[seq % _history.Length] = envelope;
            foreach (var subscriber in _live)
            {
                if (subscriber.Filter.Matches(envelope) && !subscriber.TryOffer(envelope))
                {
                    // A lost event would break the CTI promise; a re-sync keeps it.
                    subscriber.RequireResync(ResyncReason.SubscriberOverflow, seq - 1);
                    Interlocked.Increment(ref _overflows);
                    RemoveLive(subscriber); // replaces _live; this loop goes on over the old array
                }
            }
            Volatile.Write(ref _lastSeq, seq);
        }
        return envelope;
    }

    /// <inheritdoc />
    public IEventSubscription Subscribe(EventFilter filter, long? fromSeq = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (fromSeq is { } from)
            ArgumentOutOfRangeException.ThrowIfLessThan(from, 1, nameof(fromSeq));

        lock (_gate)
        {
            long last = _lastSeq;
            long start = fromSeq ?? last + 1;
            var subscription = new InProcessEventSubscription(this, filter, _subscriberBufferCapacity, _replayBatchSize, start);
            if (start == last + 1)
            {
                subscription.GoLive(last);
                AddLive(subscription);
            }
            else if (start > last + 1)
            {
                subscription.RequireResync(ResyncReason.PositionAhead, start - 1);
            }
            else if (start < OldestRetained(last))
            {
                subscription.RequireResync(ResyncReason.HistoryExpired, start - 1);
            }
            // else: catching up; the subscription pulls batches from the ring with FillReplay.
            return subscription;
        }
    }

    /// <summary>
    /// Copies the next retained events for a catching-up subscriber into <paramref name="buffer"/>, or,
    /// when it has caught up, makes it live at the current seq (under the lock, so nothing falls between
    /// the ring and the channel). Returns how many were copied; 0 means the state changed.
    /// </summary>
    internal int FillReplay(InProcessEventSubscription subscription, EventEnvelope[] buffer)
    {
        lock (_gate)
        {
            if (subscription.State != EventSubscriptionState.CatchingUp)
                return 0;
            long next = subscription.ReplayNextSeq;
            long last = _lastSeq;
            if (next > last)
            {
                subscription.GoLive(last);
                AddLive(subscription);
                return 0;
            }
            if (next < OldestRetained(last))
            {
                subscription.RequireResync(ResyncReason.HistoryExpired, next - 1);
                return 0;
            }
            int count = (int)Math.Min(buffer.Length, last - next + 1);
            for (int i = 0; i < count; i++)
                buffer[i] = _history[(next + i) % _history.Length]!;
            subscription.ReplayNextSeq = next + count;
            return count;
        }
    }

    internal void Unsubscribe(InProcessEventSubscription subscription)
    {
        lock (_gate)
        {
            subscription.MarkDisposed();
            RemoveLive(subscription);
        }
    }

    private long OldestRetained(long last) => Math.Max(1, last - _history.Length + 1);

    // Copy-on-write: publishers iterate the array they read without further locking of it.
    private void AddLive(InProcessEventSubscription subscription) => _live = [.. _live, subscription];

    private void RemoveLive(InProcessEventSubscription subscription)
    {
        int index = Array.IndexOf(_live, subscription);
        if (index < 0)
            return;
        var remaining = new InProcessEventSubscription[_live.Length - 1];
        Array.Copy(_live, 0, remaining, 0, index);
        Array.Copy(_live, index + 1, remaining, index, remaining.Length - index);
        _live = remaining;
    }
}
