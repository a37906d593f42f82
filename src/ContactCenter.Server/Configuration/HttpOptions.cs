namespace ContactCenter.Server.Configuration;

/// <summary>The <c>ContactCenter:Http</c> section.</summary>
public sealed class HttpOptions
{
    /// <summary>Semicolon-separated URLs Kestrel listens on.</summary>
    public string Urls { get; set; } = "http://0.0.0.0:8080";
}
