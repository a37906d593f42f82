namespace ContactCenter.Sip.Messages;

public static partial class SipMessageValidator
{
    /// <summary>
    /// Contact: "*" alone, or a list of name-addr / addr-spec values. An addr-spec whose URI holds ';', '?' or ','
    /// is refused by <see cref="NameAddress.TryParse"/> (RFC 3261 §20.10; RFC 4475 §3.1.2.13). expires must be
    /// delta-seconds and q a qvalue (§20.10, §25.1).
    /// </summary>
    private static bool IsContactList(ReadOnlyMemory<byte> value)
    {
        if (SipSyntax.Trim(value.Span).SequenceEqual("*"u8)) return true;
        var splitter = new HeaderValueSplitter(value.Span);
        while (splitter.MoveNext())
        {
            if (splitter.Current.IsEmpty) return false;
            if (!NameAddress.TryParse(value.Slice(splitter.CurrentOffset, splitter.Current.Length), out var contact)) return false;
            foreach (var p in new SipParameterReader(contact.Parameters))
            {
                if (System.Text.Ascii.EqualsIgnoreCase(p.Name, "expires"u8) && !IsDeltaSeconds(p.Value)) return false;
                if (System.Text.Ascii.EqualsIgnoreCase(p.Name, "q"u8) && !IsQValue(p.Value)) return false;
            }
        }
        return true;
    }

    /// <summary>Route, Record-Route and Path: a list of name-addr, angle brackets required (route-param, §25.1).</summary>
    private static bool IsRouteList(ReadOnlyMemory<byte> value)
    {
        var splitter = new HeaderValueSplitter(value.Span);
        if (value.IsEmpty) return false;
        while (splitter.MoveNext())
        {
            if (splitter.Current.IsEmpty) return false;
            if (!NameAddress.TryParse(value.Slice(splitter.CurrentOffset, splitter.Current.Length), out var route) ||
                !route.HasAngleBrackets)
                return false;
        }
        return true;
    }

    private static bool IsNameAddress(ReadOnlyMemory<byte> value) => NameAddress.TryParse(value, out _);

    private static bool IsNameAddressList(ReadOnlyMemory<byte> value)
    {
        var splitter = new HeaderValueSplitter(value.Span);
        if (value.IsEmpty) return false;
        while (splitter.MoveNext())
        {
            if (splitter.Current.IsEmpty ||
                !NameAddress.TryParse(value.Slice(splitter.CurrentOffset, splitter.Current.Length), out _))
                return false;
        }
        return true;
    }

    /// <summary>qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )</summary>
    private static bool IsQValue(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 5 || (value[0] != (byte)'0' && value[0] != (byte)'1')) return false;
        if (value.Length == 1) return true;
        if (value[1] != (byte)'.') return false;
        var decimals = value[2..];
        return value[0] == (byte)'0' ? !decimals.ContainsAnyExcept(SipSyntax.Digits) : !decimals.ContainsAnyExcept((byte)'0');
    }
}
