namespace ContactCenter.Media.Sdp;

/// <summary>
/// A codec agreed for one direction of a stream: our canonical name for it (the <see cref="SdpCodec.Name"/> we
/// configured), the payload type carried in RTP, the RTP clock rate, channels, and the fmtp parameters the receiving
/// side declared (null when none).
/// </summary>
public readonly record struct NegotiatedCodec(string Name, int PayloadType, int ClockRate, int Channels = 1, string? FormatParameters = null);
