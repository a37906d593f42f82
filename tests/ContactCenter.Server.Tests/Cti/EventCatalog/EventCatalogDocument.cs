using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContactCenter.Events;

namespace ContactCenter.Server.Tests.Cti.EventCatalog;

/// <summary>
/// Writes the generated part of docs/cti/events.md from <see cref="EventExamples"/>: an index, each type with a complete
/// envelope as the channel and webhooks carry it (serialized by the real <see cref="EventJson"/>), and the fields of
/// every payload record, read from the serializer's own contract.
/// </summary>
public static class EventCatalogDocument
{
    public const string Begin = "<!-- BEGIN GENERATED EVENT CATALOG: edit tests/ContactCenter.Server.Tests/Cti/EventCatalog, then UPDATE_EVENT_CATALOG=1 -->";
    public const string End = "<!-- END GENERATED EVENT CATALOG -->";

    private static readonly Guid FirstId = Guid.Parse("019c7a3e-5b40-7000-8000-000000000000");

    private static readonly JsonSerializerOptions Indented = new(EventJson.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The example's envelope: seq and id numbered in catalog order, time a few seconds apart.</summary>
    public static EventEnvelope Envelope(EventExample example, int index)
    {
        var id = new Guid(FirstId.ToString()[..^4] + (index + 1).ToString("x4", CultureInfo.InvariantCulture));
        return new EventEnvelope(1000 + index + 1, id, example.Type, EventExamples.Start.AddSeconds(index), example.Subject, example.Payload,
            example.ClientData);
    }

    public static string Json(EventEnvelope envelope) =>
        JsonSerializer.Serialize(JsonSerializer.SerializeToElement(envelope, EventJson.Options), Indented).ReplaceLineEndings("\n");

    public static string Generate(IReadOnlyList<EventExample> examples)
    {
        var text = new StringBuilder();
        text.Append(Begin).Append("\n\n");
        text.Append("## Index\n\n| Type | Subject | Payload | What |\n|---|---|---|---|\n");
        foreach (var example in examples)
        {
            text.Append(CultureInfo.InvariantCulture, $"| [`{example.Type}`](#{Anchor(example.Type)}) | {SubjectFields(example.Subject)} | ")
                .Append(CultureInfo.InvariantCulture, $"[`{example.Payload.GetType().Name}`](#{Anchor(example.Payload.GetType().Name)}) | {example.Meaning} |\n");
        }

        string? category = null;
        for (int i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            if (example.Category != category)
            {
                category = example.Category;
                text.Append(CultureInfo.InvariantCulture, $"\n## {category}.*\n");
            }
            text.Append(CultureInfo.InvariantCulture, $"\n### {example.Type}\n\n{example.Meaning} Subject: {SubjectFields(example.Subject)}. ")
                .Append(CultureInfo.InvariantCulture, $"Payload: [`{example.Payload.GetType().Name}`](#{Anchor(example.Payload.GetType().Name)}).\n\n")
                .Append("```json\n").Append(Json(Envelope(example, i))).Append("\n```\n");
        }

        text.Append("\n## Payloads\n\nFields as written (snake_case; a field that is null is omitted; enums are snake_case strings; ")
            .Append("times are ISO 8601 with offset; durations are `[d.]hh:mm:ss[.fffffff]`).\n");
        foreach (var type in PayloadTypes(examples))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {type.Name}\n\n");
            var users = examples.Where(e => e.Payload.GetType() == type).Select(e => $"`{e.Type}`").ToList();
            if (users.Count > 0)
                text.Append("Carried by ").Append(string.Join(", ", users)).Append(".\n\n");
            text.Append("| Field | Type |\n|---|---|\n");
            foreach (var property in EventJson.Options.GetTypeInfo(type).Properties)
                text.Append(CultureInfo.InvariantCulture, $"| `{property.Name}` | {TypeName(property.PropertyType)}{(IsOptional(property) ? ", optional" : "")} |\n");
        }
        text.Append('\n').Append(End);
        return text.ToString();
    }

    /// <summary>The payload records and the records they contain, in order of first use.</summary>
    public static IReadOnlyList<Type> PayloadTypes(IReadOnlyList<EventExample> examples)
    {
        var found = new List<Type>();
        void Visit(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (ElementType(type) is { } element)
            {
                Visit(element);
                return;
            }
            if (!IsRecord(type) || found.Contains(type))
                return;
            found.Add(type);
            foreach (var property in EventJson.Options.GetTypeInfo(type).Properties)
                Visit(property.PropertyType);
        }
        foreach (var example in examples)
            Visit(example.Payload.GetType());
        return found;
    }

    private static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("ContactCenter", StringComparison.Ordinal) == true;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
            return null;
        if (type.IsArray)
            return type.GetElementType();
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            return type.GetGenericArguments()[^1];
        return null;
    }

    private static bool IsOptional(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && property.IsGetNullable);

    private static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "string";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(int) || type == typeof(long)) return "integer";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "string (date-time)";
        if (type == typeof(TimeSpan)) return "string (duration)";
        if (type == typeof(Guid)) return "string (uuid)";
        if (type.IsEnum)
            return "string: " + string.Join(", ", Enum.GetNames(type).Select(n => $"`{JsonNamingPolicy.SnakeCaseLower.ConvertName(n)}`"));
        if (type.IsGenericType && type.GetGenericArguments() is [var key, var value] && typeof(IEnumerable).IsAssignableFrom(type))
            return $"object ({TypeName(key)} → {TypeName(value)})";
        if (ElementType(type) is { } element)
            return $"array of {TypeName(element)}";
        if (IsRecord(type))
            return $"[{type.Name}](#{Anchor(type.Name)})";
        return type.Name;
    }

    private static string SubjectFields(EventSubject subject)
    {
        var fields = new List<string>();
        if (subject.CallId is not null) fields.Add("`call_id`");
        if (subject.AgentId is not null) fields.Add("`agent_id`");
        if (subject.ServiceId is not null) fields.Add("`service_id`");
        if (subject.Media is not null) fields.Add("`media`");
        return fields.Count == 0 ? "none" : string.Join(", ", fields);
    }

    private static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
}
