using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Events;

/// <summary>
/// The one envelope every event travels in, in process, on the CTI channel and (later) on NATS.
/// Immutable once published; the bus allocates exactly this one object per publish.
/// </summary>
[JsonConverter(typeof(EventEnvelopeJsonConverter))]
public sealed class EventEnvelope
{
    /// <summary>Builds an envelope that already has its position, e.g. one read back from JSON.</summary>
    public EventEnvelope(
        long seq,
        Guid id,
        string type,
        DateTimeOffset time,
        EventSubject subject = default,
        object? payload = null,
        JsonElement? clientData = null)
        : this(id, type, time, subject, payload, clientData)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seq, 1);
        Seq = seq;
    }

    /// <summary>The bus's constructor: the seq is assigned under the publish lock, see <see cref="AssignSeq"/>.</summary>
    internal EventEnvelope(Guid id, string type, DateTimeOffset time, EventSubject subject, object? payload, JsonElement? clientData)
    {
        EventTypeName.Validate(type, nameof(type));
        ThrowIfEmpty(subject.CallId, nameof(EventSubject.CallId));
        ThrowIfEmpty(subject.AgentId, nameof(EventSubject.AgentId));
        ThrowIfEmpty(subject.ServiceId, nameof(EventSubject.ServiceId));
        ThrowIfEmpty(subject.Media, nameof(EventSubject.Media));
        Id = id;
        Type = type;
        Time = time;
        CallId = subject.CallId;
        AgentId = subject.AgentId;
        ServiceId = subject.ServiceId;
        Media = subject.Media;
        Payload = payload;
        // Clone is free for an element that does not belong to a pooled JsonDocument; for one that does,
        // it keeps client_data readable after the command's document is disposed.
        ClientData = clientData?.Clone();
    }

    /// <summary>Position in the stream: 1, 2, 3… per node, assigned at publish, never reused, no gaps.</summary>
    public long Seq { get; private set; }

    /// <summary>Unique id (a version 7 Guid, so ids sort by time); written to JSON as a string.</summary>
    public Guid Id { get; }

    /// <summary>Lowercase dotted type name; known ones are in <see cref="EventTypes"/>.</summary>
    public string Type { get; }

    /// <summary>When the event was published, from the bus's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The call the event concerns, if any.</summary>
    public string? CallId { get; }

    /// <summary>The agent the event concerns, if any.</summary>
    public string? AgentId { get; }

    /// <summary>The service (queue) the event concerns, if any.</summary>
    public string? ServiceId { get; }

    /// <summary>The media type of the interaction ("voice", "chat", ...), if any.</summary>
    public string? Media { get; }

    /// <summary>The <c>client_data</c> of the command that caused this event, echoed back verbatim (CTI-07).</summary>
    public JsonElement? ClientData { get; }

    /// <summary>
    /// The event's data: a typed record from <c>Contracts/</c> when published in process, or a
    /// <see cref="JsonElement"/> when read from JSON for a type the catalog does not know.
    /// </summary>
    /// <remarks>
    /// Why <c>object</c> with typed records rather than always <see cref="JsonElement"/>: the call engine
    /// publishes from hot paths and most consumers (ACD, telephony, statistics) live in the same process.
    /// A JsonElement payload would make every publish serialize and parse, and every in-process consumer
    /// deserialize again; a record costs one allocation and is read directly. Serialization happens only
    /// at an edge that needs bytes (CTI channel, webhooks, NATS), once per event per edge, through
    /// <see cref="EventJson"/>, which writes the payload by its runtime type and reads it back typed via
    /// <see cref="EventTypes"/>. Records must therefore be plain, immutable and JSON-serializable.
    /// </remarks>
    public object? Payload { get; }

    /// <summary>
    /// The payload as <typeparamref name="T"/>: the record itself in process, or deserialized from a
    /// <see cref="JsonElement"/> payload (an event that came through JSON).
    /// </summary>
    /// <exception cref="InvalidCastException">The payload is neither a <typeparamref name="T"/> nor JSON.</exception>
    public T PayloadAs<T>() => Payload switch
    {
        T typed => typed,
        JsonElement json => json.Deserialize<T>(EventJson.Options)
            ?? throw new InvalidCastException($"Event {Seq} ({Type}) has a null payload, not a {typeof(T).Name}."),
        null => throw new InvalidCastException($"Event {Seq} ({Type}) has no payload, not a {typeof(T).Name}."),
        _ => throw new InvalidCastException($"Event {Seq} ({Type}) carries a {Payload.GetType().Name}, not a {typeof(T).Name}."),
    };

    /// <inheritdoc />
    public override string ToString() => $"#{Seq} {Type} {Id}";

    internal void AssignSeq(long seq) => Seq = seq;

    private byte[]? _utf8Json;

    /// <summary>
    /// The envelope as UTF-8 JSON (<see cref="EventJson.Options"/>), serialized once and shared by every channel that sends
    /// it: a fan-out to 100 subscribers serialized each event 100 times. Read it only once the bus has published the
    /// envelope (its seq is part of the text).
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8Json ??= EventJson.SerializeToUtf8Bytes(this);

    private static void ThrowIfEmpty(string? id, string name)
    {
        if (id is { Length: 0 })
            throw new ArgumentException($"{name} must be null or a non-empty id.", name);
    }
}
