namespace ContactCenter.Media.Sdp;

/// <summary>Names of the attributes this library interprets. Any other attribute is kept verbatim.</summary>
public static class SdpAttributeNames
{
    public const string RtpMap = "rtpmap";
    public const string Fmtp = "fmtp";
    public const string PacketTime = "ptime";
    public const string MaxPacketTime = "maxptime";
    public const string SendRecv = "sendrecv";
    public const string SendOnly = "sendonly";
    public const string RecvOnly = "recvonly";
    public const string Inactive = "inactive";

    /// <summary>RFC 3605: the RTCP port (and address) when it is not the RTP port + 1.</summary>
    public const string Rtcp = "rtcp";

    /// <summary>RFC 5761: RTP and RTCP share one port.</summary>
    public const string RtcpMux = "rtcp-mux";

    /// <summary>RFC 5888: media stream identification.</summary>
    public const string Mid = "mid";

    /// <summary>RFC 5576: source-specific attributes.</summary>
    public const string Ssrc = "ssrc";

    /// <summary>RFC 4574: a label for the stream.</summary>
    public const string Label = "label";
}
