using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ContactCenter.Events.InProcess;

/// <summary>
/// A subscriber of <see cref="InProcessEventBus"/>: first replays from the bus's ring in batches (no
/// channel involved, so a long replay cannot overflow it), then reads its bounded live channel.
/// </summary>
/// <remarks>
/// State changes happen under the bus lock. <see cref="Position"/>, the replay buffer and
/// <see cref="ReplayNextSeq"/> belong to the single consuming thread.
/// </remarks>
internal sealed class InProcessEventSubscription : IEventSubscription
{
    private readonly InProcessEventBus _bus;
    private readonly Channel<EventEnvelope> _channel;
    private readonly int _replayBatchSize;
    private EventEnvelope[]? _replayBuffer;
    private int _replayIndex;
    private int _replayCount;
    private int _state;
    private ResyncReason _resyncReason;
    private long _resyncLastSeq;
    private long _position;

    public InProcessEventSubscription(InProcessEventBus bus, EventFilter filter, int bufferCapacity, int replayBatchSize, long startSeq)
    {
        _bus = bus;
        Filter = filter;
        _replayBatchSize = replayBatchSize;
        _channel = Channel.CreateBounded<EventEnvelope>(new BoundedChannelOptions(bufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping anything
            SingleReader = true,
            SingleWriter = true, // writes happen under the bus lock
            AllowSynchronousContinuations = false, // never run the consumer on the publisher's thread
        });
        ReplayNextSeq = startSeq;
        _position = startSeq - 1;
        _state = (int)EventSubscriptionState.CatchingUp;
    }

    public EventFilter Filter { get; }

    public EventSubscriptionState State => (EventSubscriptionState)Volatile.Read(ref _state);

    public long Position => Volatile.Read(ref _position);

    /// <summary>The next seq to copy from the ring while catching up; guarded by the bus lock.</summary>
    internal long ReplayNextSeq { get; set; }

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        switch (State)
        {
            case EventSubscriptionState.Disposed:
                return new ValueTask<bool>(false);
            case EventSubscriptionState.CatchingUp:
                // The ring is in memory: TryRead either returns an event or changes the state.
                return cancellationToken.IsCancellationRequested
                    ? ValueTask.FromCanceled<bool>(cancellationToken)
                    : new ValueTask<bool>(true);
            default:
                var wait = _channel.Reader.WaitToReadAsync(cancellationToken);
                return wait.IsCompletedSuccessfully
                    ? new ValueTask<bool>(AfterWait(wait.Result))
                    : AwaitChannel(wait);
        }
    }

    public bool TryRead([MaybeNullWhen(false)] out EventEnvelope envelope)
    {
        while (true)
        {
            switch (State)
            {
                case EventSubscriptionState.CatchingUp:
                    if (TryTakeReplayed(out envelope))
                        return true;
                    _replayBuffer ??= new EventEnvelope[_replayBatchSize];
                    _replayCount = _bus.FillReplay(this, _replayBuffer);
                    _replayIndex = 0;
                    continue; // either events to take or a new state
                case EventSubscriptionState.Live:
                case EventSubscriptionState.ResyncRequired:
                    _replayBuffer = null;
                    return TryReadLive(out envelope);
                default:
                    envelope = null;
                    return false;
            }
        }
    }

    public async IAsyncEnumerable<EventEnvelope> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (TryRead(out var envelope))
            {
                yield return envelope;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _bus.Unsubscribe(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Called by the publisher under the bus lock; false when the buffer is full.</summary>
    internal bool TryOffer(EventEnvelope envelope) => _channel.Writer.TryWrite(envelope);

    /// <summary>Under the bus lock: from now on the live channel receives every accepted event after <paramref name="lastSeq"/>.</summary>
    internal void GoLive(long lastSeq)
    {
        _position = Math.Max(_position, lastSeq); // the consuming thread (or the constructor's caller)
        Volatile.Write(ref _state, (int)EventSubscriptionState.Live);
    }

    /// <summary>Under the bus lock: terminal; the consumer drains what it has, then gets the notice.</summary>
    internal void RequireResync(ResyncReason reason, long lastSeq)
    {
        if (State is EventSubscriptionState.Disposed or EventSubscriptionState.ResyncRequired)
            return;
        _resyncReason = reason;
        _resyncLastSeq = lastSeq;
        Volatile.Write(ref _state, (int)EventSubscriptionState.ResyncRequired);
        _channel.Writer.TryComplete();
    }

    /// <summary>Under the bus lock.</summary>
    internal void MarkDisposed()
    {
        Volatile.Write(ref _state, (int)EventSubscriptionState.Disposed);
        _channel.Writer.TryComplete();
    }

    private bool TryTakeReplayed([MaybeNullWhen(false)] out EventEnvelope envelope)
    {
        while (_replayIndex < _replayCount)
        {
            var candidate = _replayBuffer![_replayIndex];
            _replayBuffer[_replayIndex++] = null!;
            if (Filter.Matches(candidate))
            {
                envelope = candidate;
                Volatile.Write(ref _position, candidate.Seq);
                return true;
            }
        }
        // Everything copied so far was returned or rejected by the filter.
        Volatile.Write(ref _position, ReplayNextSeq - 1);
        envelope = null;
        return false;
    }

    private bool TryReadLive([MaybeNullWhen(false)] out EventEnvelope envelope)
    {
        if (_channel.Reader.TryRead(out envelope))
        {
            Volatile.Write(ref _position, envelope.Seq);
            return true;
        }
        // Read the bus position first: the publisher writes it after offering the event to us, so if the
        // channel is still empty below, every accepted event up to it has already been read.
        long published = _bus.CurrentSeq;
        if (_channel.Reader.TryRead(out envelope))
        {
            Volatile.Write(ref _position, envelope.Seq);
            return true;
        }
        switch (State)
        {
            case EventSubscriptionState.Live:
                Volatile.Write(ref _position, Math.Max(_position, published));
                break;
            case EventSubscriptionState.ResyncRequired:
                Volatile.Write(ref _position, _resyncLastSeq);
                break;
        }
        return false;
    }

    private async ValueTask<bool> AwaitChannel(ValueTask<bool> wait) => AfterWait(await wait.ConfigureAwait(false));

    private bool AfterWait(bool available)
    {
        var state = State;
        if (state == EventSubscriptionState.Disposed)
            return false;
        if (available)
            return true;
        // Only a re-sync or disposal completes the channel, and it is drained.
        if (state == EventSubscriptionState.ResyncRequired)
            throw new EventResyncRequiredException(_resyncReason, _resyncLastSeq);
        return false;
    }
}
