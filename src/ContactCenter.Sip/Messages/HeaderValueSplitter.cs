namespace ContactCenter.Sip.Messages;

/// <summary>
/// Splits a header value at the commas that separate list elements (RFC 3261 §7.3.1), never inside a quoted
/// string or an angle-bracketed URI.
/// </summary>
public ref struct HeaderValueSplitter(ReadOnlySpan<byte> value)
{
    private ReadOnlySpan<byte> _rest = value;
    private bool _done = value.IsEmpty;

    /// <summary>The current element, trimmed.</summary>
    public ReadOnlySpan<byte> Current { get; private set; }

    /// <summary>Offset of <see cref="Current"/> inside the original value.</summary>
    public int CurrentOffset { get; private set; }

    private int _consumed;

    public readonly HeaderValueSplitter GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_done) return false;
        int comma = SipSyntax.IndexOfUnquoted(_rest, (byte)',');
        ReadOnlySpan<byte> element;
        int elementStart = _consumed;
        if (comma < 0)
        {
            element = _rest;
            _done = true;
        }
        else
        {
            element = _rest[..comma];
            _rest = _rest[(comma + 1)..];
            _consumed += comma + 1;
        }
        var (start, length) = SipSyntax.TrimRange(element, 0, element.Length);
        Current = element.Slice(start, length);
        CurrentOffset = elementStart + start;
        return true;
    }
}
