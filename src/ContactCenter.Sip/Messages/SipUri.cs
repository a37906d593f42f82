using System.Text;

namespace ContactCenter.Sip.Messages;

/// <summary>
/// A URI from a message: sip/sips (RFC 3261 §19.1) parsed into user, password, host, port, parameters and headers;
/// tel (RFC 3966) with its number and parameters; any other scheme kept whole (RFC 4475 §3.3.4).
/// </summary>
public readonly struct SipUri
{
    private readonly ReadOnlyMemory<byte> _raw;
    private readonly TextRange _user;
    private readonly TextRange _password;
    private readonly TextRange _host;
    private readonly TextRange _parameters;
    private readonly TextRange _headers;

    private SipUri(ReadOnlyMemory<byte> raw, UriScheme scheme, TextRange user, TextRange password, TextRange host,
        int port, TextRange parameters, TextRange headers)
    {
        _raw = raw;
        Scheme = scheme;
        _user = user;
        _password = password;
        _host = host;
        Port = port;
        _parameters = parameters;
        _headers = headers;
    }

    public ReadOnlyMemory<byte> Raw => _raw;

    public UriScheme Scheme { get; }

    public bool IsSip => Scheme is UriScheme.Sip or UriScheme.Sips;

    /// <summary>The user part (sip/sips) or the number (tel), still %-escaped.</summary>
    public ReadOnlySpan<byte> User => _user.Slice(_raw.Span);

    public ReadOnlySpan<byte> Password => _password.Slice(_raw.Span);

    public ReadOnlySpan<byte> Host => _host.Slice(_raw.Span);

    /// <summary>The port, or 0 when the URI names none.</summary>
    public int Port { get; }

    /// <summary>The <c>;name=value</c> list, starting at its first semicolon.</summary>
    public ReadOnlySpan<byte> Parameters => _parameters.Slice(_raw.Span);

    /// <summary>The <c>?name=value&amp;…</c> part without the question mark.</summary>
    public ReadOnlySpan<byte> Headers => _headers.Slice(_raw.Span);

    public bool HasHeaders => !_headers.IsEmpty;

    public string UserString => SipEscaping.Unescape(User);

    public string HostString => Encoding.ASCII.GetString(Host);

    public bool TryGetParameter(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value) =>
        SipParameterReader.TryFind(Parameters, name, out value, out _);

    public bool HasParameter(ReadOnlySpan<byte> name) => SipParameterReader.TryFind(Parameters, name, out _, out _);

    public override string ToString() => Encoding.UTF8.GetString(_raw.Span);

    /// <summary>Parses a URI (without angle brackets). Never throws; false when it is not well-formed.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> raw, out SipUri uri)
    {
        uri = default;
        var span = raw.Span;
        int colon = span.IndexOf((byte)':');
        if (colon <= 0) return false;
        var schemeName = span[..colon];
        if (!IsSchemeName(schemeName)) return false;
        UriScheme scheme =
            System.Text.Ascii.EqualsIgnoreCase(schemeName, "sip"u8) ? UriScheme.Sip :
            System.Text.Ascii.EqualsIgnoreCase(schemeName, "sips"u8) ? UriScheme.Sips :
            System.Text.Ascii.EqualsIgnoreCase(schemeName, "tel"u8) ? UriScheme.Tel : UriScheme.Other;
        int i = colon + 1;
        // sip and sips are checked against their character set below, which has no whitespace.
        if ((scheme is UriScheme.Other or UriScheme.Tel) && span.ContainsAny(SipSyntax.Whitespace)) return false;
        if (scheme == UriScheme.Other)
        {
            if (i >= span.Length) return false;
            uri = new SipUri(raw, scheme, default, default, default, 0, default, default);
            return true;
        }
        if (scheme == UriScheme.Tel)
        {
            int semi = span[i..].IndexOf((byte)';');
            int numberEnd = semi < 0 ? span.Length : i + semi;
            if (numberEnd == i) return false;
            var parameters = TextRange.FromBounds(numberEnd, span.Length);
            if (!SipParameterReader.IsWellFormed(parameters.Slice(span))) return false;
            uri = new SipUri(raw, scheme, TextRange.FromBounds(i, numberEnd), default, default, 0, parameters, default);
            return true;
        }
        if (span[i..].ContainsAnyExcept(SipSyntax.UriChars)) return false;

        TextRange user = default, password = default;
        int at = span[i..].IndexOf((byte)'@');
        if (at >= 0)
        {
            var userInfo = span.Slice(i, at);
            int pw = userInfo.IndexOf((byte)':');
            if (pw >= 0)
            {
                user = new TextRange((ushort)i, (ushort)pw);
                password = new TextRange((ushort)(i + pw + 1), (ushort)(at - pw - 1));
            }
            else user = new TextRange((ushort)i, (ushort)at);
            if (user.IsEmpty) return false;
            i += at + 1;
        }
        if (!SipHostPort.TryRead(span, ref i, out var host, out int port)) return false;
        int question = span[i..].IndexOf((byte)'?');
        int paramsEnd = question < 0 ? span.Length : i + question;
        var paramRange = TextRange.FromBounds(i, paramsEnd);
        if (!paramRange.IsEmpty && span[i] != (byte)';') return false;
        if (!SipParameterReader.IsWellFormed(paramRange.Slice(span))) return false;
        var headers = question < 0 ? default : TextRange.FromBounds(paramsEnd + 1, span.Length);
        if (question >= 0 && headers.IsEmpty) return false;
        uri = new SipUri(raw, scheme, user, password, host, port, paramRange, headers);
        return true;
    }

    private static bool IsSchemeName(ReadOnlySpan<byte> name)
    {
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        if (!char.IsAsciiLetter((char)name[0])) return false;
        foreach (byte b in name)
            if (!(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'-' or (byte)'.')) return false;
        return true;
    }
}
