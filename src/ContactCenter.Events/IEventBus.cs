using System.Text.Json;

namespace ContactCenter.Events;

/// <summary>
/// The event bus seam (ARCHITECTURE.md, Storage): in process today, NATS JetStream when a site outgrows
/// one machine. Both must pass the same contract tests, so this stays small.
/// </summary>
public interface IEventBus
{
    /// <summary>
    /// Identifies the stream <see cref="CurrentSeq"/> and every <see cref="EventEnvelope.Seq"/> belong to.
    /// A seq means nothing without it: the in-process bus starts again at 1 after a restart, so whoever
    /// hands out resume positions (the CTI channel) must hand out the stream id with them and treat a
    /// position from another stream as "re-sync from a snapshot".
    /// </summary>
    string StreamId { get; }

    /// <summary>The seq of the last published event; 0 before the first.</summary>
    long CurrentSeq { get; }

    /// <summary>
    /// Publishes an event and returns it with its seq. Never waits for subscribers (at most for a short
    /// lock shared with other publishers): safe to call from the call engine's hot paths. A subscriber that cannot keep up is told to re-sync
    /// (see <see cref="IEventSubscription"/>), never silently skipped.
    /// </summary>
    /// <param name="type">Lowercase dotted type name, preferably a constant from <see cref="EventTypes"/>.</param>
    /// <param name="payload">An immutable, JSON-serializable record (see <see cref="EventEnvelope.Payload"/>).</param>
    /// <param name="subject">The ids the event is about; subscribers filter on them.</param>
    /// <param name="clientData">The <c>client_data</c> of the command that caused the event.</param>
    /// <exception cref="ArgumentException">The type name or a subject id is invalid.</exception>
    EventEnvelope Publish(string type, object? payload = null, EventSubject subject = default, JsonElement? clientData = null);

    /// <summary>
    /// Subscribes to the events <paramref name="filter"/> accepts. Without <paramref name="fromSeq"/>,
    /// delivery starts with the next event published. With it, the subscription first replays retained
    /// events from that seq, then continues live with no gap and no duplicate. If that position is no
    /// longer retained, or lies beyond <see cref="CurrentSeq"/> + 1 (another stream), the subscription is
    /// at once in <see cref="EventSubscriptionState.ResyncRequired"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fromSeq"/> is less than 1.</exception>
    /// <summary>Subscribers that fell a whole buffer behind and were told to re-sync, since start (0 where not counted).</summary>
    long SubscriberOverflows => 0;

    IEventSubscription Subscribe(EventFilter filter, long? fromSeq = null);
}
