namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// One SIP profile: a realm, the sockets it listens on and the extensions that register through it.
/// Each <c>*.json</c> file in the profiles directory binds to one instance.
/// </summary>
public sealed class SipProfile
{
    /// <summary>Profile name; defaults to the file name without <c>.json</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Digest realm offered in challenges; defaults to <see cref="Name"/>.</summary>
    public string? Realm { get; set; }

    public List<SipListenEndpoint> Listen { get; set; } = [];

    public List<SipProfileExtension> Extensions { get; set; } = [];

    /// <summary>The file this profile came from; set by <see cref="SipProfileLoader"/>, not bound.</summary>
    public string SourceFile { get; internal set; } = string.Empty;
}
