using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Usages.Client;

/// <summary>What an <see cref="OutboundRegistration"/> registers, where, and how it retries.</summary>
public sealed record OutboundRegistrationOptions
{
    /// <summary>The address of record, in From and To: <c>sip:trunkuser@provider.example</c>.</summary>
    public required string Aor { get; init; }

    /// <summary>The Request-URI: the registrar's domain, <c>sip:provider.example</c> (RFC 3261 §10.2).</summary>
    public required string RegistrarUri { get; init; }

    /// <summary>Where the REGISTER is sent (the resolved registrar or outbound proxy).</summary>
    public required SipDestination Destination { get; init; }

    /// <summary>The URI bound to the AOR, without angle brackets: <c>sip:trunkuser@203.0.113.5:5060</c>.</summary>
    public required string Contact { get; init; }

    /// <summary>The Via sent-by, host[:port] where responses come back: the local address of the socket used.</summary>
    public required string ViaSentBy { get; init; }

    /// <summary>The registration interval asked for; a 423 raises it to the registrar's Min-Expires.</summary>
    public int RequestedExpires { get; init; } = 3600;

    /// <summary>The first retry delay after a failure; it doubles per consecutive failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest retry delay.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retry delays are shortened by a random part up to this fraction, so many trunks do not retry in step.</summary>
    public double RetryJitter { get; init; } = 0.2;

    /// <summary>The User-Agent header, or null for none.</summary>
    public string? UserAgent { get; init; }

    /// <summary>A Min-Expires above this (seconds) is not accepted from a 423: the registration fails instead.</summary>
    public int MaxAcceptedMinExpires { get; init; } = 86_400;
}
