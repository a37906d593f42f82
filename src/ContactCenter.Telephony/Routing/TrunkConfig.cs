namespace ContactCenter.Telephony.Routing;

/// <summary>A connection to a SIP provider (SIP-03).</summary>
public sealed record TrunkConfig
{
    public required string Name { get; init; }

    /// <summary>
    /// Source networks whose requests belong to this trunk: CIDRs such as <c>203.0.113.0/24</c> or
    /// <c>2001:db8::/32</c>, or bare addresses (a /32 or /128).
    /// </summary>
    public IReadOnlyList<string> InboundSources { get; init; } = [];

    /// <summary>The user name the provider registers to us with, when it identifies itself by registration.</summary>
    public string? RegistersAs { get; init; }

    /// <summary>How we reach the provider; null for an inbound-only trunk.</summary>
    public TrunkOutboundConfig? Outbound { get; init; }

    /// <summary>ISO 3166 region (e.g. <c>BR</c>, <c>US</c>) for numbers written without a country code.</summary>
    public required string DefaultCountry { get; init; }

    /// <summary>Most simultaneous calls through the trunk; null for no limit.</summary>
    public int? MaxChannels { get; init; }
}
