namespace ContactCenter.Server.SipDirectory;

/// <summary>How requests from the provider are recognized as this trunk's.</summary>
public sealed class SipProfileTrunkInbound
{
    /// <summary>Source networks, IPv4 or IPv6 CIDR (<c>203.0.113.0/24</c>) or single addresses; the longest prefix wins.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>The user name the provider registers to us with, when it identifies itself by registration.</summary>
    public string? RegistersAs { get; set; }
}
