namespace ContactCenter.Server.SipDirectory;

/// <summary>A group of extensions a DID rings; temporary until the ACD takes calls over.</summary>
public sealed class SipProfileService
{
    /// <summary>Extension numbers (of any profile), in ring order for <c>sequential</c>.</summary>
    public List<string> Extensions { get; set; } = [];

    /// <summary><c>all</c> (every member at once) or <c>sequential</c> (one after the other), lower-cased by the loader.</summary>
    public string Strategy { get; set; } = "all";

    /// <summary>How long the group (<c>all</c>) or each member (<c>sequential</c>) rings.</summary>
    public int RingTimeoutSeconds { get; set; } = 30;

    /// <summary>Record every call this service's DIDs deliver, from the answer on.</summary>
    public bool Record { get; set; }
}
