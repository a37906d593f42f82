namespace ContactCenter.Sip.Usages.Registrar;

public sealed record RegistrarOptions
{
    /// <summary>Digest realm the registrar challenges with.</summary>
    public string Realm { get; init; } = "contactcenter";

    /// <summary>Shorter requested intervals get 423 Interval Too Brief (RFC 3261 §10.3 step 7).</summary>
    public int MinExpires { get; init; } = 60;

    /// <summary>Longer requested intervals are shortened to this.</summary>
    public int MaxExpires { get; init; } = 3600;

    /// <summary>Used when neither the contact nor the request says (RFC 3261 §10.2.1.1 suggests 3600).</summary>
    public int DefaultExpires { get; init; } = 3600;

    /// <summary>Contacts one extension may hold; a request that would exceed it is refused (bounded memory).</summary>
    public int MaxContactsPerAor { get; init; } = 10;

    /// <summary>How often expired bindings are swept and announced; lookups never return an expired binding regardless.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);
}
