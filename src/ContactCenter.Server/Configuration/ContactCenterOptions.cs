namespace ContactCenter.Server.Configuration;

/// <summary>
/// Everything under the <c>ContactCenter</c> configuration section. Relative directories are resolved
/// against the content root by <see cref="ContactCenterPaths"/>.
/// </summary>
public sealed class ContactCenterOptions
{
    public const string SectionName = "ContactCenter";

    /// <summary>Directory holding one <c>*.json</c> file per SIP profile.</summary>
    public string ProfilesDirectory { get; set; } = "sip-profiles";

    /// <summary>Directory for state the server writes: credentials, database.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Directory where call recordings are written.</summary>
    public string RecordingsDirectory { get; set; } = "recordings";

    public HttpOptions Http { get; set; } = new();

    public SipOptions Sip { get; set; } = new();
}
