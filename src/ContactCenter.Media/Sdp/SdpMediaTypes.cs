namespace ContactCenter.Media.Sdp;

/// <summary>Media types and transport protocols used in <c>m=</c> lines.</summary>
public static class SdpMediaTypes
{
    public const string Audio = "audio";
    public const string Video = "video";

    /// <summary>Plain RTP with the audio/video profile (RFC 3551): the only transport the media engine speaks.</summary>
    public const string RtpAvp = "RTP/AVP";
}
