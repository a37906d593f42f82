using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Usages.Core;

/// <summary>What this UAS supports, as advertised in OPTIONS answers and checked against incoming requests.</summary>
public sealed record UasCapabilities
{
    /// <summary>Methods with a usage behind them; everything else is 501 (RFC 3261 §8.2.1).</summary>
    public IReadOnlyList<SipMethod> Methods { get; init; } = [SipMethod.Register, SipMethod.Options, SipMethod.Ack, SipMethod.Cancel];

    /// <summary>Option tags for Supported and for checking Require (RFC 3261 §8.2.2.3).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = ["path", "outbound"];

    /// <summary>Body types understood (Accept in OPTIONS answers, 415 otherwise).</summary>
    public IReadOnlyList<string> ContentTypes { get; init; } = ["application/sdp"];

    public string AllowHeader => string.Join(", ", Methods.Select(SipMethods.ToName));

    public string AcceptHeader => string.Join(", ", ContentTypes);

    public string SupportedHeader => string.Join(", ", Extensions);

    public bool Allows(SipMethod method) => method != SipMethod.Unknown && Methods.Contains(method);
}
