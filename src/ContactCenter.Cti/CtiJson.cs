using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Cti;

/// <summary>
/// The CTI wire format: snake_case names and enum values, nulls omitted. Reading is strict, because a typo in a field
/// name must be a 400 naming the field, not a silently ignored setting: unknown members are refused, non-nullable
/// members refuse null, and constructor parameters without a default are required.
/// </summary>
public static class CtiJson
{
    /// <summary>The options commands' requests are read and responses written with (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the naming of the wire format to other options (the host's minimal API options, for OpenAPI).</summary>
    public static void ApplyNaming(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Responses are JSON documents, never embedded in HTML: keep '+' and non-ASCII readable.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 32,
        };
        ApplyNaming(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
