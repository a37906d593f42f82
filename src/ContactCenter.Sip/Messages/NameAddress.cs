using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// <c>[display-name] &lt;URI&gt; *(;param)</c> or <c>addr-spec *(;param)</c>: the value of From, To, Contact, Route,
/// Record-Route, Refer-To and the like (RFC 3261 §20.10, §25.1). In the addr-spec form every parameter belongs to the
/// header, not the URI.
/// </summary>
public readonly struct NameAddress
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly TextRange _displayName;
    private readonly TextRange _parameters;
    private readonly TextRange _tag;

    private NameAddress(ReadOnlyMemory<byte> value, TextRange displayName, SipUri uri, bool angleBrackets, TextRange parameters, TextRange tag)
    {
        _value = value;
        _displayName = displayName;
        Uri = uri;
        HasAngleBrackets = angleBrackets;
        _parameters = parameters;
        _tag = tag;
    }

    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>The display name as sent, with its quotes when quoted.</summary>
    public ReadOnlySpan<byte> DisplayNameRaw => _displayName.Slice(_value.Span);

    public SipUri Uri { get; }

    public bool HasAngleBrackets { get; }

    public ReadOnlySpan<byte> Parameters => _parameters.Slice(_value.Span);

    /// <summary>The tag parameter (From, To), found while parsing: dialogs are matched by it.</summary>
    public ReadOnlySpan<byte> Tag => _tag.Slice(_value.Span);

    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        SipParameterReader.TryFind(Parameters, name, out value, out _);

    /// <summary>The display name without quotes and with backslash escapes resolved.</summary>
    public string DisplayName
    {
        get
        {
            var raw = DisplayNameRaw;
            if (raw.Length >= 2 && raw[0] == (byte)'"')
            {
                var inner = raw[1..^1];
                var sb = new StringBuilder(inner.Length);
                var text = Encoding.UTF8.GetString(inner);
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length) i++;
                    sb.Append(text[i]);
                }
                return sb.ToString();
            }
            return Encoding.UTF8.GetString(raw);
        }
    }

    /// <summary>Parses one name-addr / addr-spec value (one element of a list). Never throws.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out NameAddress address)
    {
        address = default;
        var span = value.Span;
        int i = 0;
        SkipLws(span, ref i);
        if (i >= span.Length) return false;
        int displayStart = i, displayEnd = i;
        int laquot;
        if (span[i] == (byte)'"')
        {
            int close = SipSyntax.FindClosingQuote(span, i);
            if (close < 0) return false;
            displayEnd = close + 1;
            i = displayEnd;
            SkipLws(span, ref i);
            if (i >= span.Length || span[i] != (byte)'<') return false;
            laquot = i;
        }
        else
        {
            laquot = span.IndexOf((byte)'<');
            if (laquot >= 0)
            {
                // display-name = *(token LWS): only tokens and whitespace before '<'.
                var display = SipSyntax.Trim(span[i..laquot]);
                foreach (byte b in display)
                    if (!SipSyntax.IsWhitespace(b) && !SipSyntax.Token.Contains(b)) return false;
                displayEnd = i + display.Length;
            }
        }

        if (laquot >= 0)
        {
            int raquot = span[laquot..].IndexOf((byte)'>');
            if (raquot < 0) return false;
            raquot += laquot;
            var uriRange = TextRange.FromBounds(laquot + 1, raquot);
            if (!SipUri.TryParse(uriRange.Slice(value), out var uri)) return false;
            int afterUri = raquot + 1;
            int j = afterUri;
            SkipLws(span, ref j);
            if (j < span.Length && span[j] != (byte)';') return false;
            var parameters = TextRange.FromBounds(afterUri, span.Length);
            if (!SipParameterReader.IsWellFormed(parameters.Slice(span), "tag"u8, out var tag)) return false;
            address = new NameAddress(value, TextRange.FromBounds(displayStart, displayEnd), uri, true, parameters, Shift(tag, afterUri));
            return true;
        }

        // addr-spec: the URI runs to the first semicolon (or whitespace); it may not contain ';', '?' or ',' itself.
        int uriEnd = i;
        while (uriEnd < span.Length && span[uriEnd] != (byte)';' && !SipSyntax.IsWhitespace(span[uriEnd])) uriEnd++;
        var addrSpec = TextRange.FromBounds(i, uriEnd);
        if (addrSpec.Slice(span).IndexOfAny((byte)'?', (byte)',') >= 0) return false;
        if (!SipUri.TryParse(addrSpec.Slice(value), out var plainUri)) return false;
        int k = uriEnd;
        SkipLws(span, ref k);
        if (k < span.Length && span[k] != (byte)';') return false;
        var headerParams = TextRange.FromBounds(uriEnd, span.Length);
        if (!SipParameterReader.IsWellFormed(headerParams.Slice(span), "tag"u8, out var plainTag)) return false;
        address = new NameAddress(value, default, plainUri, false, headerParams, Shift(plainTag, uriEnd));
        return true;
    }

    private static TextRange Shift(TextRange range, int by) => range.IsEmpty ? range : new TextRange((ushort)(range.Start + by), range.Length);

    private static void SkipLws(ReadOnlySpan<byte> span, ref int i)
    {
        while (i < span.Length && SipSyntax.IsWhitespace(span[i])) i++;
    }
}
