namespace ContactCenter.Media.Sdp;

/// <summary>The value of <c>a=ssrc</c> (RFC 5576): <c>&lt;ssrc&gt; &lt;attribute&gt;[:&lt;value&gt;]</c>, e.g. <c>cname:...</c>.</summary>
public readonly record struct SdpSsrc(uint Ssrc, string Attribute, string? Value)
{
    /// <summary>Reads an attribute value; false for anything malformed (the attribute is then ignored).</summary>
    public static bool TryParse(string? value, out SdpSsrc ssrc)
    {
        ssrc = default;
        if (value is null) return false;
        var text = value.AsSpan().Trim();
        int space = text.IndexOfAny(' ', '\t');
        if (space <= 0 || !SdpNumbers.TryParseUInt32(text[..space], out uint id)) return false;
        var attribute = text[(space + 1)..].TrimStart();
        if (attribute.IsEmpty) return false;
        int colon = attribute.IndexOf(':');
        ssrc = colon < 0
            ? new SdpSsrc(id, attribute.ToString(), null)
            : new SdpSsrc(id, attribute[..colon].ToString(), attribute[(colon + 1)..].ToString());
        return true;
    }
}
