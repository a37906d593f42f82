namespace ContactCenter.Server.SipDirectory;

/// <summary>A trunk as written in a profile file; at least one of <see cref="Inbound"/> and <see cref="Outbound"/>.</summary>
public sealed class SipProfileTrunk
{
    /// <summary>Unique across all profiles; dial-plan rules refer to it.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// ISO 3166 region (e.g. <c>BR</c>) for numbers written without a country code: dialled DIDs and caller
    /// numbers arriving on the trunk, and the caller ID presented through it. Upper-cased by the loader.
    /// </summary>
    public string DefaultCountry { get; set; } = string.Empty;

    /// <summary>Most simultaneous calls; absent for no limit.</summary>
    public int? MaxChannels { get; set; }

    public SipProfileTrunkInbound? Inbound { get; set; }

    public SipProfileTrunkOutbound? Outbound { get; set; }
}
