namespace ContactCenter.Sip.Messages;

/// <summary>
/// One Via value: <c>SIP/2.0/UDP host[:port] *(;param)</c> (RFC 3261 §20.42) with the parameters the stack routes by:
/// branch, received, rport (RFC 3581), maddr, ttl.
/// </summary>
public readonly struct ViaHeader
{
    private readonly ReadOnlyMemory<byte> _value;
    private readonly TextRange _transport;
    private readonly TextRange _host;
    private readonly TextRange _parameters;
    private readonly TextRange _branch;

    private ViaHeader(ReadOnlyMemory<byte> value, TextRange transport, TextRange host, int port, TextRange parameters, TextRange branch)
    {
        _value = value;
        _transport = transport;
        _host = host;
        Port = port;
        _parameters = parameters;
        _branch = branch;
    }

    public bool IsEmpty => _value.IsEmpty;

    public ReadOnlyMemory<byte> Value => _value;

    public ReadOnlySpan<byte> TransportName => _transport.Slice(_value.Span);

    public SipTransportKind Transport => ParseTransport(TransportName);

    /// <summary>The sent-by host: a name, an IPv4 address, or an IPv6 reference with its brackets.</summary>
    public ReadOnlySpan<byte> Host => _host.Slice(_value.Span);

    /// <summary>The sent-by port, or 0 when absent.</summary>
    public int Port { get; }

    public ReadOnlySpan<byte> Parameters => _parameters.Slice(_value.Span);

    /// <summary>The branch parameter, found while parsing: the transaction layer reads it for every message.</summary>
    public ReadOnlySpan<byte> Branch => _branch.Slice(_value.Span);

    public ReadOnlySpan<byte> Received => Param("received"u8);

    public ReadOnlySpan<byte> Maddr => Param("maddr"u8);

    /// <summary>True when the rport parameter is present, with or without a value (RFC 3581).</summary>
    public bool HasRPort => SipParameterReader.TryFind(Parameters, "rport"u8, out _, out _);

    /// <summary>The rport value, or 0 when absent or empty.</summary>
    public int RPort =>
        SipParameterReader.TryFind(Parameters, "rport"u8, out var v, out bool has) && has &&
        SipSyntax.TryParseUInt(v, 65535, out ulong port) ? (int)port : 0;

    private ReadOnlySpan<byte> Param(ReadOnlySpan<byte> name) =>
        SipParameterReader.TryFind(Parameters, name, out var v, out _) ? v : default;

    public static SipTransportKind ParseTransport(ReadOnlySpan<byte> name)
    {
        if (System.Text.Ascii.EqualsIgnoreCase(name, "UDP"u8)) return SipTransportKind.Udp;
        if (System.Text.Ascii.EqualsIgnoreCase(name, "TCP"u8)) return SipTransportKind.Tcp;
        if (System.Text.Ascii.EqualsIgnoreCase(name, "TLS"u8)) return SipTransportKind.Tls;
        if (System.Text.Ascii.EqualsIgnoreCase(name, "SCTP"u8)) return SipTransportKind.Sctp;
        if (System.Text.Ascii.EqualsIgnoreCase(name, "WS"u8)) return SipTransportKind.Ws;
        if (System.Text.Ascii.EqualsIgnoreCase(name, "WSS"u8)) return SipTransportKind.Wss;
        return SipTransportKind.Other;
    }

    /// <summary>Parses a single Via value (not a comma-separated list). Never throws.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> value, out ViaHeader via)
    {
        via = default;
        var span = value.Span;
        int i = 0;
        // sent-protocol: name / version / transport, LWS allowed around each slash.
        if (!ReadToken(span, ref i, out var protocolName) || !System.Text.Ascii.EqualsIgnoreCase(protocolName.Slice(span), "SIP"u8)) return false;
        if (!ReadSlash(span, ref i)) return false;
        if (!ReadToken(span, ref i, out var version) || !version.Slice(span).SequenceEqual("2.0"u8)) return false;
        if (!ReadSlash(span, ref i)) return false;
        if (!ReadToken(span, ref i, out var transport)) return false;
        int lws = i;
        SkipLws(span, ref i);
        if (i == lws) return false; // LWS is required between sent-protocol and sent-by
        if (!SipHostPort.TryRead(span, ref i, out var host, out int port)) return false;
        int paramStart = i;
        SkipLws(span, ref i);
        var parameters = TextRange.FromBounds(paramStart, span.Length);
        if (i < span.Length && span[i] != (byte)';') return false;
        if (!SipParameterReader.IsWellFormed(parameters.Slice(span), "branch"u8, out var branch)) return false;
        if (!branch.IsEmpty) branch = new TextRange((ushort)(branch.Start + paramStart), branch.Length);
        via = new ViaHeader(value, transport, host, port, parameters, branch);
        return true;
    }

    private static bool ReadToken(ReadOnlySpan<byte> span, ref int i, out TextRange token)
    {
        SkipLws(span, ref i);
        int start = i;
        int end = span[i..].IndexOfAnyExcept(SipSyntax.Token);
        i = end < 0 ? span.Length : i + end;
        token = TextRange.FromBounds(start, i);
        return i > start;
    }

    private static bool ReadSlash(ReadOnlySpan<byte> span, ref int i)
    {
        SkipLws(span, ref i);
        if (i >= span.Length || span[i] != (byte)'/') return false;
        i++;
        return true;
    }

    private static void SkipLws(ReadOnlySpan<byte> span, ref int i)
    {
        while (i < span.Length && SipSyntax.IsWhitespace(span[i])) i++;
    }
}
