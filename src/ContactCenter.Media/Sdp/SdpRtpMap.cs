using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The value of <c>a=rtpmap</c> (RFC 8866 §6.6): payload type, encoding name, RTP clock rate and, for audio, an
/// optional channel count. The clock rate is the RTP timestamp rate, which for G.722 is 8000 although it samples at
/// 16 kHz (RFC 3551 §4.5.2).
/// </summary>
public readonly record struct SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>The channel count, 1 when the attribute omits it.</summary>
    public int EffectiveChannels => Channels ?? 1;

    /// <summary>Whether this names the given format: encoding name (case-insensitive), clock rate and channel count.</summary>
    public bool SameFormatAs(string encodingName, int clockRate, int channels) =>
        ClockRate == clockRate && EffectiveChannels == channels && EncodingName.Equals(encodingName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an attribute value; false for anything malformed (the attribute is then ignored, not fatal).</summary>
    public static bool TryParse(string? value, out SdpRtpMap rtpMap)
    {
        rtpMap = default;
        if (value is null) return false;
        var text = value.AsSpan().Trim();
        int space = text.IndexOfAny(' ', '\t');
        if (space <= 0) return false;
        if (!SdpNumbers.TryParsePayloadType(text[..space], out int payloadType)) return false;
        var encoding = text[(space + 1)..].TrimStart();
        int slash = encoding.IndexOf('/');
        if (slash <= 0) return false;
        var name = encoding[..slash];
        if (!SdpSyntax.IsToken(name)) return false;
        var rest = encoding[(slash + 1)..];
        int secondSlash = rest.IndexOf('/');
        var rateText = secondSlash < 0 ? rest : rest[..secondSlash];
        if (!SdpNumbers.TryParseInt32(rateText, out int clockRate) || clockRate == 0) return false;
        int? channels = null;
        if (secondSlash >= 0)
        {
            if (!SdpNumbers.TryParseInt32(rest[(secondSlash + 1)..], out int count) || count is 0 or > 255) return false;
            channels = count;
        }

        rtpMap = new SdpRtpMap(payloadType, name.ToString(), clockRate, channels);
        return true;
    }

    /// <summary>The attribute value, e.g. <c>101 telephone-event/8000</c>.</summary>
    public string ToValue() => Channels is int count
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{count}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");
}
