namespace ContactCenter.Telephony.Routing;

/// <summary>
/// Where and how calls go out to the provider. <see cref="Password"/> is the operator's provider credential:
/// <see cref="ToString"/> leaves it out so the record can be logged.
/// </summary>
public sealed record TrunkOutboundConfig
{
    /// <summary>Provider proxy (and registrar) host name or address.</summary>
    public required string Host { get; init; }

    public int Port { get; init; } = 5060;

    public TrunkTransport Transport { get; init; } = TrunkTransport.Udp;

    /// <summary>Digest user name for 401/407 challenges and registration; null when the provider trusts our address.</summary>
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>Register to the provider and keep the registration refreshed.</summary>
    public bool Register { get; init; }

    /// <summary>Requested registration lifetime.</summary>
    public TimeSpan RegisterExpires { get; init; } = TimeSpan.FromHours(1);

    /// <summary>From user when the provider requires a fixed one; defaults to <see cref="Username"/>.</summary>
    public string? FromUser { get; init; }

    /// <summary>From host; defaults to <see cref="Host"/>.</summary>
    public string? FromDomain { get; init; }

    public CallerIdHeader CallerIdHeader { get; init; } = CallerIdHeader.From;

    public CallerIdFormat CallerIdFormat { get; init; } = CallerIdFormat.E164;

    /// <summary>
    /// Number presented for extensions that no DID routes to (typically the main number); null presents
    /// only the account.
    /// </summary>
    public string? CallerIdNumber { get; init; }

    public override string ToString() =>
        $"{Transport.ToString().ToLowerInvariant()}:{Host}:{Port} user={Username ?? "-"} password={(Password is null ? "none" : "set")} " +
        $"register={Register} expires={RegisterExpires.TotalSeconds:0}s from={FromUser ?? Username ?? "-"}@{FromDomain ?? Host} " +
        $"callerId={CallerIdHeader}/{CallerIdFormat}:{CallerIdNumber ?? "-"}";
}
