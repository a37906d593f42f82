using System.Text.Json;

namespace ContactCenter.Events;

/// <summary>
/// The wire form of events (CTI channel, webhooks, NATS): snake_case names and enum values, nulls omitted. The envelope's own
/// field names are fixed by <see cref="EventEnvelopeJsonConverter"/>; <see cref="Options"/> shapes payloads.
/// </summary>
public static class EventJson
{
    /// <summary>Options to serialize envelopes and payloads with; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The envelope as UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(EventEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, Options);

    /// <summary>Reads an envelope back; a payload of a type in <see cref="EventTypes"/> comes back typed.</summary>
    /// <exception cref="JsonException">The JSON is not an event envelope.</exception>
    public static EventEnvelope Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<EventEnvelope>(utf8Json, Options)
        ?? throw new JsonException("An event envelope cannot be null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        // Enums travel by name ("state": "talking"), like every other CTI value; numbers are still read, for events
        // serialized before (webhook outbox rows).
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
