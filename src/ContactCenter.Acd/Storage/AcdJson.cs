using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Acd.Storage;

/// <summary>How definitions are written to their JSON columns: camelCase, enums as snake_case strings.</summary>
public static class AcdJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
