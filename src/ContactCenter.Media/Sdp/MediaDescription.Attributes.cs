namespace ContactCenter.Media.Sdp;

/// <summary>Typed views of the attributes this library interprets. A malformed value reads as absent.</summary>
public sealed partial class MediaDescription
{
    /// <summary>The media-level direction attribute, or null when none is written.</summary>
    public SdpDirection? Direction => SdpAttributeLookup.Direction(Attributes);

    /// <summary><c>a=ptime</c> in milliseconds: how long a packet the writer wants to receive.</summary>
    public int? PacketTime => SdpAttributeLookup.Milliseconds(Attributes, SdpAttributeNames.PacketTime);

    /// <summary><c>a=maxptime</c> in milliseconds.</summary>
    public int? MaxPacketTime => SdpAttributeLookup.Milliseconds(Attributes, SdpAttributeNames.MaxPacketTime);

    /// <summary><c>a=rtcp-mux</c> (RFC 5761).</summary>
    public bool RtcpMux => SdpAttributeLookup.Has(Attributes, SdpAttributeNames.RtcpMux);

    /// <summary><c>a=rtcp</c> (RFC 3605), or null.</summary>
    public SdpRtcp? Rtcp => SdpRtcp.TryParse(SdpAttributeLookup.Value(Attributes, SdpAttributeNames.Rtcp), out var rtcp) ? rtcp : null;

    /// <summary><c>a=mid</c> (RFC 5888), or null.</summary>
    public string? Mid => SdpAttributeLookup.Value(Attributes, SdpAttributeNames.Mid);

    /// <summary><c>a=label</c> (RFC 4574), or null.</summary>
    public string? Label => SdpAttributeLookup.Value(Attributes, SdpAttributeNames.Label);

    /// <summary>Every well-formed <c>a=rtpmap</c>, in order.</summary>
    public IReadOnlyList<SdpRtpMap> RtpMaps => Collect<SdpRtpMap>(SdpAttributeNames.RtpMap, SdpRtpMap.TryParse);

    /// <summary>Every well-formed <c>a=fmtp</c>, in order.</summary>
    public IReadOnlyList<SdpFmtp> FormatParameters => Collect<SdpFmtp>(SdpAttributeNames.Fmtp, SdpFmtp.TryParse);

    /// <summary>Every well-formed <c>a=ssrc</c>, in order.</summary>
    public IReadOnlyList<SdpSsrc> Ssrcs => Collect<SdpSsrc>(SdpAttributeNames.Ssrc, SdpSsrc.TryParse);

    /// <summary>The first well-formed rtpmap for <paramref name="payloadType"/>.</summary>
    public bool TryGetRtpMap(int payloadType, out SdpRtpMap rtpMap)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(SdpAttributeNames.RtpMap) && SdpRtpMap.TryParse(attribute.Value, out rtpMap) && rtpMap.PayloadType == payloadType)
            {
                return true;
            }
        }

        rtpMap = default;
        return false;
    }

    /// <summary>The parameters of the first <c>a=fmtp</c> for <paramref name="format"/>, or null.</summary>
    public string? GetFormatParameters(string format)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(SdpAttributeNames.Fmtp) && SdpFmtp.TryParse(attribute.Value, out var fmtp) && fmtp.Format == format)
            {
                return fmtp.Parameters;
            }
        }

        return null;
    }

    private delegate bool ValueParser<T>(string? value, out T result);

    private List<T> Collect<T>(string name, ValueParser<T> parse)
    {
        var list = new List<T>();
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(name) && parse(attribute.Value, out var value)) list.Add(value);
        }

        return list;
    }
}
