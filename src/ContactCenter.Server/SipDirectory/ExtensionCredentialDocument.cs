namespace ContactCenter.Server.SipDirectory;

/// <summary>The content of <c>extension-credentials.json</c>.</summary>
public sealed class ExtensionCredentialDocument
{
    public const int CurrentFormat = 1;

    public int Format { get; set; } = CurrentFormat;

    public List<StoredExtensionCredential> Credentials { get; set; } = [];
}
