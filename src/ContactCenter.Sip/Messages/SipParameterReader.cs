namespace ContactCenter.Sip.Messages;

/// <summary>
/// Walks a <c>*( SEMI name [ EQUAL value ] )</c> list (URI, Via, name-addr or Contact parameters), tolerating the LWS
/// RFC 3261 allows around SEMI and EQUAL. Stops with <see cref="IsMalformed"/> set instead of throwing.
/// </summary>
public ref struct SipParameterReader(ReadOnlySpan<byte> parameters)
{
    private ReadOnlySpan<byte> _rest = parameters;

    public bool IsMalformed { get; private set; }

    public SipParameter Current { get; private set; }

    public readonly SipParameterReader GetEnumerator() => this;

    public bool MoveNext()
    {
        var rest = TrimStart(_rest);
        if (rest.IsEmpty) return false;
        if (rest[0] != (byte)';') { IsMalformed = true; return false; }
        rest = TrimStart(rest[1..]);
        int nameEnd = rest.IndexOfAnyExcept(SipSyntax.Token);
        if (nameEnd < 0) nameEnd = rest.Length;
        if (nameEnd == 0) { IsMalformed = true; return false; }
        var name = rest[..nameEnd];
        rest = TrimStart(rest[nameEnd..]);
        if (rest.IsEmpty || rest[0] != (byte)'=')
        {
            Current = new SipParameter(name, default, false);
            _rest = rest;
            return true;
        }
        rest = TrimStart(rest[1..]);
        int valueEnd;
        if (rest.IsEmpty) { IsMalformed = true; return false; }
        if (rest[0] == (byte)'"')
        {
            valueEnd = SipSyntax.FindClosingQuote(rest, 0) + 1;
            if (valueEnd == 0) { IsMalformed = true; return false; }
        }
        else if (rest[0] == (byte)'[')
        {
            // IPv6 reference as a parameter value (received, maddr).
            valueEnd = rest.IndexOf((byte)']') + 1;
            if (valueEnd == 0) { IsMalformed = true; return false; }
        }
        else
        {
            valueEnd = rest.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
            if (valueEnd < 0) valueEnd = rest.Length;
            if (valueEnd == 0) { IsMalformed = true; return false; }
        }
        Current = new SipParameter(name, rest[..valueEnd], true);
        _rest = rest[valueEnd..];
        return true;
    }

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> value)
    {
        int i = 0;
        while (i < value.Length && SipSyntax.IsWhitespace(value[i])) i++;
        return value[i..];
    }

    /// <summary>Finds a parameter by name (case-insensitive, RFC 3261 §19.1.4). False when absent or the list is malformed.</summary>
    public static bool TryFind(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        foreach (var p in new SipParameterReader(parameters))
        {
            if (System.Text.Ascii.EqualsIgnoreCase(p.Name, name))
            {
                value = p.Value;
                hasValue = p.HasValue;
                return true;
            }
        }
        value = default;
        hasValue = false;
        return false;
    }

    /// <summary>
    /// <see cref="IsWellFormed(ReadOnlySpan{byte})"/> that also finds the first parameter named <paramref name="wanted"/>
    /// in the same pass: its value's range inside <paramref name="parameters"/>, empty when absent or valueless.
    /// </summary>
    internal static bool IsWellFormed(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> wanted, out TextRange wantedValue)
    {
        wantedValue = default;
        bool found = false;
        var reader = new SipParameterReader(parameters);
        while (reader.MoveNext())
        {
            if (found || !System.Text.Ascii.EqualsIgnoreCase(reader.Current.Name, wanted)) continue;
            found = true;
            var value = reader.Current.Value;
            if (!value.IsEmpty && parameters.Overlaps(value, out int offset))
                wantedValue = new TextRange((ushort)offset, (ushort)value.Length);
        }
        return !reader.IsMalformed;
    }

    /// <summary>True when every parameter is well-formed (names are tokens, quoted values closed).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> parameters)
    {
        var reader = new SipParameterReader(parameters);
        while (reader.MoveNext()) { }
        return !reader.IsMalformed;
    }
}
