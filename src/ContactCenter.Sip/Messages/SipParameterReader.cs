namespace ContactCenter.Sip.Messages;

/// <summary>
/// Walks a <c>*( SEMI name [ EQUAL value ] )</c> list (URI, Via, name-addr or Contact parameters), tolerating the LWS
/// RFC 3261 allows around SEMI and EQUAL. Stops with <see cref="IsMalformed"/> set instead of throwing.
/// </summary>
public ref struct SipParameterReader(ReadOnlySpan<byte> parameters)
{
    private const int End = -1;
    private const int Malformed = -2;

    private ReadOnlySpan<byte> _rest = parameters;

    public bool IsMalformed { get; private set; }

    public SipParameter Current { get; private set; }

    public readonly SipParameterReader GetEnumerator() => this;

    public bool MoveNext()
    {
        int next = ReadNext(_rest, 0, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd);
        if (next < 0)
        {
            IsMalformed = next == Malformed;
            return false;
        }
        Current = valueStart < 0
            ? new SipParameter(_rest[nameStart..nameEnd], default, false)
            : new SipParameter(_rest[nameStart..nameEnd], _rest[valueStart..valueEnd], true);
        _rest = _rest[next..];
        return true;
    }

    /// <summary>
    /// Reads the parameter at <paramref name="i"/>. Returns the index after it, <see cref="End"/> when the list is over,
    /// <see cref="Malformed"/> when it is broken. <paramref name="valueStart"/> is -1 for a parameter without a value.
    /// Index-based so that validating a list (the common case) builds no spans per parameter.
    /// </summary>
    private static int ReadNext(ReadOnlySpan<byte> s, int i, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd)
    {
        nameStart = nameEnd = valueEnd = 0;
        valueStart = -1;
        i = SkipWhitespace(s, i);
        if (i == s.Length) return End;
        if (s[i] != (byte)';') return Malformed;
        i = SkipWhitespace(s, i + 1);
        nameStart = i;
        while (i < s.Length && SipSyntax.IsTokenByte(s[i])) i++; // names are short: a table beats a vector search
        if (i == nameStart) return Malformed;
        nameEnd = i;
        i = SkipWhitespace(s, i);
        if (i == s.Length || s[i] != (byte)'=') return i;
        i = SkipWhitespace(s, i + 1);
        if (i == s.Length) return Malformed;
        int start = i;
        if (s[i] == (byte)'"')
        {
            int close = SipSyntax.FindClosingQuote(s, i);
            if (close < 0) return Malformed;
            i = close + 1;
        }
        else if (s[i] == (byte)'[')
        {
            // An IPv6 reference as a parameter value (received, maddr).
            int close = s[i..].IndexOf((byte)']');
            if (close < 0) return Malformed;
            i += close + 1;
        }
        else
        {
            int end = s[i..].IndexOfAny((byte)';', (byte)' ', (byte)'\t');
            i = end < 0 ? s.Length : i + end;
            if (i == start) return Malformed;
        }
        valueStart = start;
        valueEnd = i;
        return i;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> s, int i)
    {
        while (i < s.Length && SipSyntax.IsWhitespace(s[i])) i++;
        return i;
    }

    /// <summary>Finds a parameter by name (case-insensitive, RFC 3261 §19.1.4). False when absent or the list is malformed.</summary>
    public static bool TryFind(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out bool hasValue)
    {
        int i = 0;
        while ((i = ReadNext(parameters, i, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd)) >= 0)
        {
            if (!System.Text.Ascii.EqualsIgnoreCase(parameters[nameStart..nameEnd], name)) continue;
            hasValue = valueStart >= 0;
            value = hasValue ? parameters[valueStart..valueEnd] : default;
            return true;
        }
        value = default;
        hasValue = false;
        return false;
    }

    /// <summary>True when every parameter is well-formed (names are tokens, quoted values closed).</summary>
    public static bool IsWellFormed(ReadOnlySpan<byte> parameters)
    {
        int i = 0;
        while ((i = ReadNext(parameters, i, out _, out _, out _, out _)) >= 0) { }
        return i == End;
    }

    /// <summary>
    /// <see cref="IsWellFormed(ReadOnlySpan{byte})"/> that also finds the first parameter named <paramref name="wanted"/>
    /// in the same pass: its value's range inside <paramref name="parameters"/>, empty when absent or valueless.
    /// </summary>
    internal static bool IsWellFormed(ReadOnlySpan<byte> parameters, ReadOnlySpan<byte> wanted, out TextRange wantedValue)
    {
        wantedValue = default;
        bool found = false;
        int i = 0;
        while ((i = ReadNext(parameters, i, out int nameStart, out int nameEnd, out int valueStart, out int valueEnd)) >= 0)
        {
            if (found || nameEnd - nameStart != wanted.Length ||
                !System.Text.Ascii.EqualsIgnoreCase(parameters[nameStart..nameEnd], wanted))
                continue;
            found = true;
            if (valueStart >= 0) wantedValue = TextRange.FromBounds(valueStart, valueEnd);
        }
        return i == End;
    }
}
