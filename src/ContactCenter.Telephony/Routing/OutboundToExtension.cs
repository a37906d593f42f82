namespace ContactCenter.Telephony.Routing;

/// <summary>The dialled string is an extension number: an internal call, no trunk involved.</summary>
public sealed record OutboundToExtension(string Extension) : OutboundRoute;
