namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    /// <summary>
    /// media-type = m-type SLASH m-subtype *( SEMI m-parameter ), m-parameter = token EQUAL ( token / quoted-string )
    /// (RFC 3261 §20.15). It also reads an Accept media-range: "*" is a token character, so "*/*" and "type/*" pass
    /// the same way.
    /// </summary>
    private static bool IsMediaType(ReadOnlySpan<byte> value)
    {
        int i = 0;
        if (!ReadToken(value, ref i)) return false;
        SkipWhitespace(value, ref i);
        if (i >= value.Length || value[i] != (byte)'/') return false;
        i++;
        SkipWhitespace(value, ref i);
        if (!ReadToken(value, ref i)) return false;
        var parameters = value[i..];
        var reader = new SipParameterReader(parameters);
        while (reader.MoveNext())
            if (!reader.Current.HasValue) return false;
        return !reader.IsMalformed;
    }

    /// <summary>Accept = [ accept-range *( COMMA accept-range ) ]: an empty Accept is legal and means "nothing".</summary>
    private static bool IsAcceptList(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return true;
        var splitter = new HeaderValueSplitter(value);
        while (splitter.MoveNext())
            if (!IsMediaType(splitter.Current)) return false;
        return true;
    }

    private static bool ReadToken(ReadOnlySpan<byte> value, ref int i)
    {
        int start = i;
        while (i < value.Length && SipSyntax.Token.Contains(value[i])) i++;
        return i > start;
    }

    private static void SkipWhitespace(ReadOnlySpan<byte> value, ref int i)
    {
        while (i < value.Length && SipSyntax.IsWhitespace(value[i])) i++;
    }
}
