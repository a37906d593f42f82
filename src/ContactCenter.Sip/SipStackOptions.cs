using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.Usages.Core;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Sip;

/// <summary>Everything one SIP profile's stack needs to know: sockets, timers, registrar and authentication settings.</summary>
public sealed record SipStackOptions
{
    public string Name { get; init; } = "default";
    public SipTransportOptions Transport { get; init; } = new();
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;
    public RegistrarOptions Registrar { get; init; } = new();
    public UasCapabilities Capabilities { get; init; } = new();

    /// <summary>
    /// Digest algorithms offered in challenges, most preferred first. MD5 alone by default: sipp and baresip (and many
    /// desk phones) give up when a SHA-256 challenge is present at all; add SHA-256 for fleets that speak RFC 8760.
    /// </summary>
    public IReadOnlyList<DigestAlgorithm> DigestAlgorithms { get; init; } = [DigestAlgorithm.Md5];

    /// <summary>
    /// Server transactions held at once; past it new requests get a stateless 503. Over UDP a non-INVITE transaction
    /// lives 64*T1 (32 s) after its answer to absorb retransmissions, so this must cover the request rate × 32 s.
    /// </summary>
    public int MaxServerTransactions { get; init; } = 1_000_000;

    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public AuthFailureLimiterOptions AuthFailures { get; init; } = new();
}
