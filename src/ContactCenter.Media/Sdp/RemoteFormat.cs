namespace ContactCenter.Media.Sdp;

/// <summary>One RTP format of a remote <c>m=</c> line with its meaning resolved: payload type, rtpmap (or the static table) and fmtp.</summary>
internal readonly record struct RemoteFormat(int PayloadType, SdpRtpMap Map, string? FormatParameters)
{
    public bool IsTelephoneEvent => SdpTelephoneEvent.IsTelephoneEvent(Map.EncodingName);

    /// <summary>
    /// The formats of <paramref name="media"/> in order. A format that is not a payload type number, or a dynamic
    /// type without an rtpmap, is skipped: nothing can be agreed on it. <paramref name="fallback"/> supplies a mapping
    /// for a number the remote did not map (an answer may rely on the offer's rtpmap).
    /// </summary>
    public static List<RemoteFormat> Resolve(MediaDescription media, Func<int, SdpRtpMap?>? fallback = null)
    {
        var formats = new List<RemoteFormat>(media.Formats.Count);
        var rtpMaps = media.RtpMaps;
        foreach (var text in media.Formats)
        {
            if (!SdpNumbers.TryParsePayloadType(text.AsSpan(), out int payloadType)) continue;
            SdpRtpMap? map = null;
            foreach (var candidate in rtpMaps)
            {
                if (candidate.PayloadType == payloadType)
                {
                    map = candidate;
                    break;
                }
            }

            if (map is null && SdpStaticPayloadTypes.TryGet(payloadType, out var known)) map = known;
            map ??= fallback?.Invoke(payloadType);
            if (map is SdpRtpMap resolved) formats.Add(new RemoteFormat(payloadType, resolved, media.GetFormatParameters(text)));
        }

        return formats;
    }

    public override string ToString() => $"{Map.EncodingName}/{Map.ClockRate} ({PayloadType})";
}
