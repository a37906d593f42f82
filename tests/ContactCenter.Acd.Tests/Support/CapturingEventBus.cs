using System.Text.Json;
using ContactCenter.Events;

namespace ContactCenter.Acd.Tests.Support;

/// <summary>Keeps every published event in order; enough to assert what the engine said.</summary>
public sealed class CapturingEventBus(TimeProvider time) : IEventBus
{
    private readonly List<EventEnvelope> _events = [];

    public IReadOnlyList<EventEnvelope> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public string StreamId => "test";

    public long CurrentSeq
    {
        get { lock (_events) return _events.Count; }
    }

    public EventEnvelope Publish(string type, object? payload = null, EventSubject subject = default, JsonElement? clientData = null)
    {
        lock (_events)
        {
            var envelope = new EventEnvelope(_events.Count + 1, Guid.NewGuid(), type, time.GetUtcNow(), subject, payload, clientData);
            _events.Add(envelope);
            return envelope;
        }
    }

    public IEventSubscription Subscribe(EventFilter filter, long? fromSeq = null) => throw new NotSupportedException();

    public IReadOnlyList<EventEnvelope> OfType(string type) => Events.Where(e => e.Type == type).ToList();

    public IReadOnlyList<T> Payloads<T>(string type) => OfType(type).Select(e => e.PayloadAs<T>()).ToList();
}
