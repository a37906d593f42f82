using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Primitives;

namespace ContactCenter.Cti.Commands;

/// <summary>
/// Turns a request into a command's parameters and its <c>client_data</c>, or into a 400/413/415 problem naming what
/// is wrong. Memory is bounded: the body is read up to the configured limit and no further.
/// </summary>
internal static class CtiRequestReader
{
    public const string ClientDataField = "client_data";

    public static async ValueTask<CtiRequestReadResult<TRequest>> FromBodyAsync<TRequest>(HttpRequest request, CtiOptions options, CancellationToken cancellationToken)
        where TRequest : notnull
    {
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
            return Fail<TRequest>(new CtiProblem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "The request body must be JSON.", $"Content-Type '{contentType}' is not application/json."));
        if (request.ContentLength > options.MaxRequestBodyBytes)
            return Fail<TRequest>(TooLarge(options));

        var buffer = new ArrayBufferWriter<byte>(Math.Min(4096, options.MaxRequestBodyBytes + 1));
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
                break;
            buffer.Advance(read);
            if (buffer.WrittenCount > options.MaxRequestBodyBytes)
                return Fail<TRequest>(TooLarge(options));
        }

        if (buffer.WrittenCount == 0 || IsWhitespace(buffer.WrittenSpan))
            return FromObject<TRequest>(default, null, options);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            return Fail<TRequest>(CtiProblem.MalformedJson(
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Fail<TRequest>(CtiProblem.MalformedJson("The body must be a JSON object.", field: "$"));
            JsonElement? clientData = null;
            if (document.RootElement.TryGetProperty(ClientDataField, out var data))
            {
                var problem = CheckClientData(data, options);
                if (problem is not null)
                    return Fail<TRequest>(problem);
                clientData = data.ValueKind == JsonValueKind.Null ? null : data.Clone();
            }
            return FromObject<TRequest>(document.RootElement, clientData, options);
        }
    }

    public static CtiRequestReadResult<TRequest> FromQuery<TRequest>(IQueryCollection query, CtiOptions options)
        where TRequest : notnull
    {
        JsonElement? clientData = null;
        if (query.TryGetValue(ClientDataField, out var rawClientData))
        {
            if (rawClientData.Count != 1)
                return Fail<TRequest>(CtiProblem.InvalidField(ClientDataField, "client_data may be given once."));
            if (Encoding.UTF8.GetByteCount(rawClientData[0]!) > options.ClientDataMaxBytes)
                return Fail<TRequest>(ClientDataTooLarge(options));
            try
            {
                using var parsed = JsonDocument.Parse(rawClientData[0]!, new JsonDocumentOptions { MaxDepth = 32 });
                clientData = parsed.RootElement.ValueKind == JsonValueKind.Null ? null : parsed.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Fail<TRequest>(CtiProblem.InvalidField(ClientDataField,
                    "client_data in a query string must be JSON text, e.g. client_data=%7B%22crm%22%3A42%7D or client_data=%22abc%22."));
            }
        }

        var typeInfo = CtiJson.Options.GetTypeInfo(typeof(TRequest));
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            foreach (var (key, values) in query)
            {
                if (key == ClientDataField)
                    continue;
                var property = typeInfo.Properties.FirstOrDefault(p => p.Name == key);
                if (property is null)
                    return Fail<TRequest>(UnknownField(key, typeInfo), clientData);
                writer.WritePropertyName(key);
                WriteQueryValue(writer, property.PropertyType, values);
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(json.WrittenMemory);
        return FromObject<TRequest>(document.RootElement, clientData, options);
    }

    private static CtiRequestReadResult<TRequest> FromObject<TRequest>(JsonElement body, JsonElement? clientData, CtiOptions options)
        where TRequest : notnull
    {
        var typeInfo = (JsonTypeInfo<TRequest>)CtiJson.Options.GetTypeInfo(typeof(TRequest));
        var present = new HashSet<string>(StringComparer.Ordinal);
        var copy = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(copy))
        {
            writer.WriteStartObject();
            if (body.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in body.EnumerateObject())
                {
                    if (member.Name == ClientDataField)
                        continue;
                    var property = typeInfo.Properties.FirstOrDefault(p => p.Name == member.Name);
                    if (property is null)
                        return Fail<TRequest>(UnknownField(member.Name, typeInfo), clientData);
                    if (!present.Add(member.Name))
                        return Fail<TRequest>(CtiProblem.InvalidField(member.Name, $"'{member.Name}' is given twice."), clientData);
                    if (member.Value.ValueKind == JsonValueKind.Null && !IsNullable(property))
                        return Fail<TRequest>(CtiProblem.InvalidField(member.Name, $"'{member.Name}' must not be null."), clientData);
                    member.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
        }

        foreach (var property in typeInfo.Properties)
        {
            if (IsRequired(property) && !present.Contains(property.Name))
                return Fail<TRequest>(CtiProblem.InvalidField(property.Name, $"'{property.Name}' is required.", "missing_field"), clientData);
        }

        try
        {
            var request = JsonSerializer.Deserialize(copy.WrittenSpan, typeInfo);
            if (request is null)
                return Fail<TRequest>(CtiProblem.MalformedJson("The body must be a JSON object.", field: "$"), clientData);
            return new CtiRequestReadResult<TRequest>(request, clientData, null);
        }
        catch (JsonException e)
        {
            string field = e.Path is { Length: > 2 } path ? path[2..] : "$";
            // A nested object missing a required member: System.Text.Json names the member only in its message.
            var missing = System.Text.RegularExpressions.Regex.Match(e.Message, "missing required properties including: '([^']+)'");
            if (missing.Success)
            {
                string member = (field == "$" ? "" : field + ".") + missing.Groups[1].Value;
                return Fail<TRequest>(CtiProblem.InvalidField(member, $"'{member}' is required.", "missing_field"), clientData);
            }
            return Fail<TRequest>(CtiProblem.InvalidField(field, $"'{field}' has the wrong type or an invalid value."), clientData);
        }
        catch (ArgumentException e)
        {
            // A request record's own validation (an init accessor or constructor that checks its argument).
            string field = e.ParamName is { } name ? CtiJson.Options.PropertyNamingPolicy!.ConvertName(name) : "$";
            return Fail<TRequest>(CtiProblem.InvalidField(field, e.Message), clientData);
        }
    }

    private static CtiProblem? CheckClientData(JsonElement data, CtiOptions options) =>
        Encoding.UTF8.GetByteCount(data.GetRawText()) > options.ClientDataMaxBytes ? ClientDataTooLarge(options) : null;

    private static CtiProblem ClientDataTooLarge(CtiOptions options) =>
        CtiProblem.InvalidField(ClientDataField,
            $"client_data may hold at most {options.ClientDataMaxBytes} bytes of JSON.", "client_data_too_large");

    private static CtiProblem TooLarge(CtiOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, "request_too_large", "The request body is too large.",
            $"A command body may hold at most {options.MaxRequestBodyBytes} bytes.");

    private static CtiProblem UnknownField(string name, JsonTypeInfo typeInfo)
    {
        var known = typeInfo.Properties.Select(p => p.Name).Append(ClientDataField).Order(StringComparer.Ordinal);
        return CtiProblem.InvalidField(name, $"'{name}' is not a parameter of this command; known: {string.Join(", ", known)}.", "unknown_field");
    }

    private static bool IsRequired(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false };

    private static bool IsNullable(JsonPropertyInfo property) =>
        property.IsSetNullable && (property.AssociatedParameter?.IsNullable ?? true);

    private static void WriteQueryValue(Utf8JsonWriter writer, Type type, StringValues values)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != typeof(string) && target.IsAssignableTo(typeof(System.Collections.IEnumerable)))
        {
            writer.WriteStartArray();
            foreach (string? value in values)
            {
                foreach (string item in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    writer.WriteStringValue(item);
            }
            writer.WriteEndArray();
            return;
        }
        string text = values.Count == 1 ? values[0] ?? "" : string.Join(",", values.ToArray());
        if (target == typeof(bool) && bool.TryParse(text, out bool flag))
            writer.WriteBooleanValue(flag);
        else if (IsNumber(target) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
            writer.WriteNumberValue(number);
        else
            writer.WriteStringValue(text);
    }

    private static bool IsNumber(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal)
        || type == typeof(short) || type == typeof(float) || type == typeof(uint) || type == typeof(ulong);

    private static bool IsJson(string contentType) =>
        contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || (contentType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
            && contentType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes) => bytes.TrimStart(" \t\r\n"u8).IsEmpty;

    private static CtiRequestReadResult<TRequest> Fail<TRequest>(CtiProblem problem, JsonElement? clientData = null)
        where TRequest : notnull => new(default, clientData, problem);
}
