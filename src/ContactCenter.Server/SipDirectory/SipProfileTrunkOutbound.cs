namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// How calls leave through the provider. <see cref="Password"/> is the operator's provider credential: it
/// stays in the profile file, is never logged, and no error message repeats it.
/// </summary>
public sealed class SipProfileTrunkOutbound
{
    /// <summary>Provider proxy and registrar: a host name or IP address.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 5060;

    /// <summary><c>udp</c> or <c>tcp</c> (lower-cased by the loader).</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>Digest user name for challenges and registration.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Register to the provider and keep the registration refreshed.</summary>
    public bool Register { get; set; }

    /// <summary>Requested registration lifetime in seconds.</summary>
    public int RegisterExpires { get; set; } = 3600;

    /// <summary>From user when the provider requires a fixed one; defaults to <see cref="Username"/>.</summary>
    public string? FromUser { get; set; }

    /// <summary>From host; defaults to <see cref="Host"/>.</summary>
    public string? FromDomain { get; set; }

    /// <summary><c>from</c>: the caller number is the From user; <c>pai</c>: From keeps the account and the number goes in P-Asserted-Identity.</summary>
    public string CallerIdHeader { get; set; } = "from";

    /// <summary><c>e164</c> (<c>+551140001234</c>) or <c>national</c> (<c>1140001234</c>).</summary>
    public string CallerIdFormat { get; set; } = "e164";

    /// <summary>Number presented for extensions no DID routes to (typically the main number).</summary>
    public string? CallerIdNumber { get; set; }

    public override string ToString() => $"{Transport}:{Host}:{Port}";
}
