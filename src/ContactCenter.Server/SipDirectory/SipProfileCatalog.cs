namespace ContactCenter.Server.SipDirectory;

/// <summary>The validated SIP profiles the server runs with, in file-name order.</summary>
public sealed class SipProfileCatalog
{
    public SipProfileCatalog(string directory, IReadOnlyList<SipProfile> profiles)
    {
        Directory = directory;
        Profiles = profiles;
    }

    /// <summary>Absolute path of the profiles directory.</summary>
    public string Directory { get; }

    public IReadOnlyList<SipProfile> Profiles { get; }
}
