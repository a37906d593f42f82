namespace ContactCenter.Server.SipDirectory;

/// <summary>One generated extension credential at rest: digest hashes only, never the password.</summary>
public sealed class StoredExtensionCredential
{
    public string Number { get; set; } = string.Empty;

    public string Realm { get; set; } = string.Empty;

    public string Profile { get; set; } = string.Empty;

    public string Ha1Md5 { get; set; } = string.Empty;

    public string Ha1Sha256 { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
