using System.Text.Json;

namespace ContactCenter.Server.Acd;

/// <summary>Enums on the wire as snake_case names ("longest_idle", "post_call"), parsed strictly.</summary>
public static class EnumNames
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Expected<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Name));
}
