namespace ContactCenter.Server.SipDirectory;

/// <summary>A password generated at start; it exists in plaintext only in memory and in the one-time file.</summary>
public sealed record GeneratedExtensionPassword(string Number, string Profile, string Realm, string Password);
