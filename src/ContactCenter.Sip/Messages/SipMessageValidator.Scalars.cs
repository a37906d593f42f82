namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    /// <summary>
    /// delta-seconds = 1*DIGIT. Any length is accepted here: RFC 3261 §10.2.1.1 has large values read as the largest
    /// one the element supports, and RFC 4475 §3.1.2.4 lets a registrar treat them so; the registrar clamps.
    /// </summary>
    private static bool IsDeltaSeconds(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(SipSyntax.Digits);

    /// <summary>
    /// delta-seconds [ comment ] *( SEMI generic-param ): Session-Expires, Min-SE (RFC 4028) and Retry-After (§20.33,
    /// the only one with a comment).
    /// </summary>
    private static bool IsDeltaSecondsWithParameters(ReadOnlySpan<byte> value)
    {
        int digits = value.IndexOfAnyExcept(SipSyntax.Digits);
        if (digits == 0) return false;
        if (digits < 0) return true;
        var rest = SipSyntax.Trim(value[digits..]);
        if (!rest.IsEmpty && rest[0] == (byte)'(')
        {
            int close = rest.IndexOf((byte)')');
            if (close < 0) return false;
            rest = rest[(close + 1)..];
        }
        return SipParameterReader.IsWellFormed(rest);
    }

    /// <summary>RAck = response-num LWS CSeq-num LWS Method (RFC 3262 §7.2).</summary>
    private static bool IsRAck(ReadOnlySpan<byte> value)
    {
        int i = 0;
        for (int part = 0; part < 2; part++)
        {
            int start = i;
            while (i < value.Length && (uint)(value[i] - '0') <= 9) i++;
            if (i == start) return false;
            int afterDigits = i;
            SkipWhitespace(value, ref i);
            if (i == afterDigits) return false;
        }
        return SipSyntax.IsToken(value[i..]);
    }

    /// <summary>
    /// A comma-separated list of tokens: option-tags (Require, Proxy-Require, Supported, Unsupported), methods
    /// (Allow), event types (Allow-Events) or content-codings.
    /// </summary>
    private static bool IsTokenList(ReadOnlySpan<byte> value, bool allowEmpty)
    {
        if (value.IsEmpty) return allowEmpty;
        // One pass, no splitting: these lists (Allow above all) are long and arrive with every INVITE.
        const int BeforeToken = 0, InToken = 1, AfterToken = 2;
        int state = BeforeToken;
        foreach (byte b in value)
        {
            if (SipSyntax.IsTokenByte(b))
            {
                if (state == AfterToken) return false; // two tokens with only LWS between
                state = InToken;
            }
            else if (SipSyntax.IsWhitespace(b))
            {
                if (state == InToken) state = AfterToken;
            }
            else if (b == (byte)',' && state != BeforeToken) state = BeforeToken;
            else return false;
        }
        return state != BeforeToken;
    }

    /// <summary>token *( SEMI generic-param ): Event (RFC 6665 §8.2.1), an Accept-Encoding element.</summary>
    private static bool IsTokenWithParameters(ReadOnlySpan<byte> value)
    {
        int i = 0;
        if (!ReadToken(value, ref i)) return false;
        return SipParameterReader.IsWellFormed(value[i..]);
    }

    private static bool IsTokenWithParametersList(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return true;
        var splitter = new HeaderValueSplitter(value);
        while (splitter.MoveNext())
            if (!IsTokenWithParameters(splitter.Current)) return false;
        return true;
    }

    /// <summary>
    /// credentials = auth-scheme LWS auth-params (§25.1). Only the shape is checked: an unknown scheme is the
    /// authenticator's to answer with 401 (RFC 4475 §3.3.7), and Digest's parameters are read there.
    /// </summary>
    private static bool IsCredentials(ReadOnlySpan<byte> value)
    {
        int i = 0;
        if (!ReadToken(value, ref i)) return false;
        int afterScheme = i;
        SkipWhitespace(value, ref i);
        return i > afterScheme && i < value.Length;
    }
}
