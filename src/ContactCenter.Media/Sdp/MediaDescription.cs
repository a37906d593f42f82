namespace ContactCenter.Media.Sdp;

/// <summary>
/// One media section (RFC 8866 §5.14): the <c>m=</c> line and the <c>i=</c>, <c>c=</c>, <c>b=</c>, <c>k=</c> and
/// <c>a=</c> lines under it. Immutable; the typed views in <c>MediaDescription.Attributes.cs</c> read the attributes.
/// </summary>
public sealed partial class MediaDescription
{
    /// <summary><c>audio</c>, <c>video</c>, <c>application</c>, ...</summary>
    public required string MediaType { get; init; }

    /// <summary>The transport port; 0 marks a stream that is rejected (in an answer) or disabled (in an offer).</summary>
    public required int Port { get; init; }

    /// <summary>The number of ports from <c>port/count</c>, null when not written.</summary>
    public int? PortCount { get; init; }

    /// <summary><c>RTP/AVP</c>, <c>RTP/SAVP</c>, <c>UDP/TLS/RTP/SAVPF</c>, ...</summary>
    public required string Protocol { get; init; }

    /// <summary>The formats as written: RTP payload type numbers for RTP protocols.</summary>
    public IReadOnlyList<string> Formats { get; init; } = [];

    /// <summary><c>i=</c>.</summary>
    public string? Information { get; init; }

    /// <summary>The media-level <c>c=</c> lines (more than one only for layered multicast).</summary>
    public IReadOnlyList<SdpConnection> Connections { get; init; } = [];

    /// <summary><c>b=</c> lines.</summary>
    public IReadOnlyList<SdpBandwidth> Bandwidths { get; init; } = [];

    /// <summary><c>k=</c> (obsolete in RFC 8866, kept as written).</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>All <c>a=</c> lines, in order.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The first media-level <c>c=</c>, or null (the session-level one then applies).</summary>
    public SdpConnection? Connection => Connections.Count > 0 ? Connections[0] : null;

    /// <summary>Port 0: rejected or disabled (RFC 3264 §5.1, §6).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>Whether this is an audio stream.</summary>
    public bool IsAudio => MediaType.Equals(SdpMediaTypes.Audio, StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection that applies: this section's, else the session's (RFC 8866 §5.7).</summary>
    public SdpConnection? EffectiveConnection(SessionDescription session) => Connection ?? session.Connection;

    /// <summary>This section's direction, else the session-level one, else sendrecv (RFC 8866 §6.7).</summary>
    public SdpDirection EffectiveDirection(SessionDescription session) => Direction ?? session.Direction ?? SdpDirection.SendRecv;
}
