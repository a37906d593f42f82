using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Events;

/// <summary>
/// One subscriber's ordered stream of events (ascending seq, each at most once). Single consumer: read
/// it from one loop, with either <see cref="ReadAllAsync"/> or <see cref="WaitToReadAsync"/> +
/// <see cref="TryRead"/>. The stream ends normally only when disposed; if the subscriber fell behind,
/// it ends, after everything delivered so far has been read, with
/// <see cref="EventResyncRequiredException"/>. Disposing stops delivery at once.
/// </summary>
public interface IEventSubscription : IAsyncDisposable
{
    /// <summary>The events this subscription delivers.</summary>
    EventFilter Filter { get; }

    /// <summary>Where the subscription is; <see cref="EventSubscriptionState.ResyncRequired"/> is terminal.</summary>
    EventSubscriptionState State { get; }

    /// <summary>
    /// Every event the filter accepts with a seq at or below this has been returned to the consumer.
    /// It also moves past events the filter rejects when the consumer finds nothing pending, so a
    /// filtered subscriber can resume from <c>Position + 1</c> without replaying (or losing the right to
    /// replay) a long run of events it never wanted. Read it from the consuming loop.
    /// </summary>
    long Position { get; }

    /// <summary>
    /// Waits until an event may be read. Returns false once disposed.
    /// </summary>
    /// <exception cref="EventResyncRequiredException">The subscriber fell behind and everything it was
    /// delivered has been read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; no event is lost.</exception>
    ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes the next event if one is ready; never waits.</summary>
    bool TryRead([MaybeNullWhen(false)] out EventEnvelope envelope);

    /// <summary>All events until disposed; throws <see cref="EventResyncRequiredException"/> if the subscriber fell behind.</summary>
    IAsyncEnumerable<EventEnvelope> ReadAllAsync(CancellationToken cancellationToken = default);
}
