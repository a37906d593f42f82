namespace ContactCenter.Media.Sdp;

/// <summary>
/// The value of <c>a=fmtp</c> (RFC 8866 §6.15): the format it applies to and its parameters, kept raw because each
/// codec defines its own syntax (<c>0-16</c> for telephone-event, <c>annexb=no</c> for G.729, ...).
/// </summary>
public readonly record struct SdpFmtp(string Format, string Parameters)
{
    /// <summary>Reads an attribute value; false when there is no format.</summary>
    public static bool TryParse(string? value, out SdpFmtp fmtp)
    {
        fmtp = default;
        if (value is null) return false;
        var text = value.AsSpan().Trim();
        int space = text.IndexOfAny(' ', '\t');
        var format = space < 0 ? text : text[..space];
        if (format.IsEmpty) return false;
        var parameters = space < 0 ? [] : text[(space + 1)..].TrimStart();
        fmtp = new SdpFmtp(format.ToString(), parameters.ToString());
        return true;
    }
}
