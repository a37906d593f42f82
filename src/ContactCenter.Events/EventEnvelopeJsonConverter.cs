using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Events;

/// <summary>
/// Fixes the envelope's wire shape: <c>{"seq","id","type","time","call_id","agent_id","service_id",
/// "media","client_data","payload"}</c>, absent ids omitted. Reading accepts any order, skips unknown
/// fields (a newer producer may add some) and rebuilds a known payload as its record.
/// </summary>
public sealed class EventEnvelopeJsonConverter : JsonConverter<EventEnvelope>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EventEnvelope value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seq", value.Seq);
        writer.WriteString("id", value.Id);
        writer.WriteString("type", value.Type);
        writer.WriteString("time", value.Time);
        WriteIfPresent(writer, "call_id", value.CallId);
        WriteIfPresent(writer, "agent_id", value.AgentId);
        WriteIfPresent(writer, "service_id", value.ServiceId);
        WriteIfPresent(writer, "media", value.Media);
        if (value.ClientData is { } clientData)
        {
            writer.WritePropertyName("client_data");
            clientData.WriteTo(writer);
        }
        if (value.Payload is { } payload)
        {
            writer.WritePropertyName("payload");
            JsonSerializer.Serialize(writer, payload, payload.GetType(), options);
        }
        writer.WriteEndObject();
    }

    /// <inheritdoc />
    public override EventEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("An event envelope must be a JSON object.");

        long? seq = null;
        Guid? id = null;
        string? type = null;
        DateTimeOffset? time = null;
        string? callId = null, agentId = null, serviceId = null, media = null;
        JsonElement? clientData = null, payload = null;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "seq": seq = reader.GetInt64(); break;
                case "id": id = reader.GetGuid(); break;
                case "type": type = reader.GetString(); break;
                case "time": time = reader.GetDateTimeOffset(); break;
                case "call_id": callId = reader.GetString(); break;
                case "agent_id": agentId = reader.GetString(); break;
                case "service_id": serviceId = reader.GetString(); break;
                case "media": media = reader.GetString(); break;
                case "client_data": clientData = NullIfJsonNull(JsonElement.ParseValue(ref reader)); break;
                case "payload": payload = NullIfJsonNull(JsonElement.ParseValue(ref reader)); break;
                default: reader.Skip(); break;
            }
        }

        if (seq is null || id is null || type is null || time is null)
            throw new JsonException("An event envelope needs 'seq', 'id', 'type' and 'time'.");

        try
        {
            return new EventEnvelope(
                seq.Value, id.Value, type, time.Value,
                new EventSubject(callId, agentId, serviceId, media),
                TypedPayload(type, payload, options),
                clientData);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Invalid event envelope: {e.Message}", e);
        }
    }

    private static object? TypedPayload(string type, JsonElement? payload, JsonSerializerOptions options)
    {
        if (payload is not { } json)
            return null;
        return EventTypes.TryGetPayloadType(type, out var payloadType)
            ? json.Deserialize(payloadType, options)
            : json;
    }

    private static JsonElement? NullIfJsonNull(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element;

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }
}
