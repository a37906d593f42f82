namespace ContactCenter.Server.SipDirectory;

/// <summary>What the server knows about an extension, without its credentials.</summary>
public sealed record ExtensionInfo(string Number, string? DisplayName, string ProfileName, string Realm);
