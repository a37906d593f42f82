namespace ContactCenter.Server.Configuration;

/// <summary>Parses the semicolon-separated URL list of <c>ContactCenter:Http:Urls</c>.</summary>
public static class HttpUrlList
{
    public static IReadOnlyList<string> Split(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Kestrel accepts wildcard hosts (<c>*</c>, <c>+</c>) that <see cref="Uri"/> rejects, so the wildcard
    /// is swapped for a plain host before parsing.
    /// </summary>
    public static bool LooksLikeListenUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var scheme = url[..schemeEnd];
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = url[(schemeEnd + 3)..];
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            rest = "wildcard" + rest[1..];
        }

        return Uri.TryCreate($"{scheme}://{rest}", UriKind.Absolute, out var parsed) && parsed.Host.Length > 0;
    }
}
