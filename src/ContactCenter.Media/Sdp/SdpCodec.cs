namespace ContactCenter.Media.Sdp;

/// <summary>
/// A codec we can send and receive, as negotiation sees it: encoding name, RTP clock rate and channel count (the
/// identity matched against the remote's formats, name case-insensitive), the payload type we put in our own offers
/// (the static number for static codecs, a free number in 96-127 for dynamic ones) and optional fmtp parameters.
/// </summary>
public sealed record SdpCodec(string Name, int ClockRate, int PayloadType, int Channels = 1, string? FormatParameters = null)
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    public static SdpCodec Pcmu { get; } = new("PCMU", 8000, 0);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static SdpCodec Pcma { get; } = new("PCMA", 8000, 8);

    /// <summary>G.722, static payload type 9; its RTP clock is 8000 although it samples at 16 kHz (RFC 3551 §4.5.2).</summary>
    public static SdpCodec G722 { get; } = new("G722", 8000, 9);

    /// <summary>Whether <paramref name="format"/> names this codec.</summary>
    public bool Matches(SdpRtpMap format) => format.SameFormatAs(Name, ClockRate, Channels);
}
