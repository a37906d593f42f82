namespace ContactCenter.Server.SipDirectory;

/// <summary>Where a DID goes: exactly one of <see cref="Extension"/> and <see cref="Service"/>.</summary>
public sealed class SipProfileDid
{
    /// <summary>An extension number of any profile.</summary>
    public string? Extension { get; set; }

    /// <summary>A service of the same profile.</summary>
    public string? Service { get; set; }
}
