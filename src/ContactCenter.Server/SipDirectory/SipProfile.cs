namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// One SIP profile: a realm, the sockets it listens on, the extensions that register through it, and its
/// trunks, DIDs, services and dial plan.
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

    /// <summary>Connections to SIP providers (SIP-03).</summary>
    public List<SipProfileTrunk> Trunks { get; set; } = [];

    /// <summary>Numbers the providers deliver, keyed by the number (E.164 with <c>+</c>, or digits matched literally).</summary>
    public Dictionary<string, SipProfileDid> Dids { get; set; } = [];

    /// <summary>Groups of extensions a DID can ring, keyed by service name; the ACD replaces these later.</summary>
    public Dictionary<string, SipProfileService> Services { get; set; } = [];

    /// <summary>Outbound rules for this profile's extensions, tried in order.</summary>
    public List<SipProfileDialPlanRule> DialPlan { get; set; } = [];

    /// <summary>The file this profile came from; set by <see cref="SipProfileLoader"/>, not bound.</summary>
    public string SourceFile { get; internal set; } = string.Empty;
}
