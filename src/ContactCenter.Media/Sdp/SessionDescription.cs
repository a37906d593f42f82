using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// A session description (RFC 8866): session-level fields and the media sections. Immutable. Read one with
/// <see cref="SdpParser.Parse"/>, write one with <see cref="SdpWriter"/>; fields this library does not interpret
/// (e=, p=, z=, k=, r=, unknown attributes) are kept and written back in order.
/// </summary>
public sealed class SessionDescription
{
    /// <summary><c>v=</c>; always 0.</summary>
    public int ProtocolVersion => 0;

    /// <summary><c>o=</c>.</summary>
    public required SdpOrigin Origin { get; init; }

    /// <summary><c>s=</c> exactly as written (RFC 8866 recommends <c>s= </c> or <c>s=-</c> when there is no name); null when the line was missing.</summary>
    public string? SessionName { get; init; }

    /// <summary><c>i=</c>.</summary>
    public string? Information { get; init; }

    /// <summary><c>u=</c>.</summary>
    public string? Uri { get; init; }

    /// <summary><c>e=</c> lines.</summary>
    public IReadOnlyList<string> EmailAddresses { get; init; } = [];

    /// <summary><c>p=</c> lines.</summary>
    public IReadOnlyList<string> PhoneNumbers { get; init; } = [];

    /// <summary>The session-level <c>c=</c>, applying to every media section without its own.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>Session-level <c>b=</c> lines.</summary>
    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary><c>t=</c> lines with their <c>r=</c> lines; empty when the description had none (written as <c>t=0 0</c>).</summary>
    public IReadOnlyList<SdpTiming> Timings { get; init; } = [];

    /// <summary><c>z=</c>, as written.</summary>
    public string? TimeZones { get; init; }

    /// <summary><c>k=</c>, as written.</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>Session-level <c>a=</c> lines, in order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The media sections, in order (their index is what offer/answer matches on).</summary>
    public IReadOnlyList<MediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction attribute, or null.</summary>
    public SdpDirection? Direction => SdpAttributeLookup.Direction(Attributes);

    /// <summary>The description as UTF-8 bytes with CRLF line ends.</summary>
    public byte[] ToBytes() => SdpWriter.ToArray(this);

    /// <summary>The description as text with CRLF line ends.</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}
