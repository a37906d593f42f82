namespace ContactCenter.Media.Sdp;

/// <summary>The structured lines: o=, c=, b=, t=, a= and m=.</summary>
internal sealed partial class SdpSessionReader
{
    private bool ReadOrigin(ReadOnlySpan<byte> value)
    {
        var fields = new SdpFieldReader<byte>(value);
        if (!fields.TryNext(out var user) || !fields.TryNext(out var id) || !fields.TryNext(out var version)
            || !fields.TryNext(out var netType) || !fields.TryNext(out var addrType) || !fields.TryNext(out var address)
            || !fields.IsAtEnd)
        {
            return Fail(SdpParseError.InvalidOrigin, "o= needs six fields: username sess-id sess-version nettype addrtype address");
        }

        if (!SdpNumbers.TryParseUInt64(version, out ulong sessionVersion))
        {
            return Fail(SdpParseError.InvalidOrigin, $"o= session version '{Quote(version)}' is not a 64-bit number");
        }

        // RFC 8866 says 1*DIGIT; any token is accepted because nothing but equality is ever done with it.
        if (!SdpSyntax.IsToken(id)) return Fail(SdpParseError.InvalidOrigin, $"o= session id '{Quote(id)}' is malformed");
        _origin = new SdpOrigin(Text(user), Text(id), sessionVersion, Text(netType), Text(addrType), Text(address));
        return true;
    }

    private bool ReadConnection(ReadOnlySpan<byte> value, out SdpConnection? connection)
    {
        connection = null;
        var fields = new SdpFieldReader<byte>(value);
        if (!fields.TryNext(out var netType) || !fields.TryNext(out var addrType) || !fields.TryNext(out var address) || !fields.IsAtEnd)
        {
            return Fail(SdpParseError.InvalidConnection, "c= needs three fields: nettype addrtype connection-address");
        }

        if (!SdpSyntax.IsToken(netType) || !SdpSyntax.IsToken(addrType))
        {
            return Fail(SdpParseError.InvalidConnection, $"c= '{Quote(value)}' has a malformed network or address type");
        }

        string addressType = Text(addrType);
        if (!SdpConnection.TryParseAddress(addressType, address, out string host, out int? ttl, out int? count))
        {
            return Fail(SdpParseError.InvalidConnection, $"c= address '{Quote(address)}' is malformed");
        }

        connection = new SdpConnection(Text(netType), addressType, host, ttl, count);
        return true;
    }

    private bool ReadBandwidth(ReadOnlySpan<byte> value, out SdpBandwidth bandwidth)
    {
        bandwidth = default;
        int colon = value.IndexOf((byte)':');
        if (colon <= 0 || !SdpSyntax.IsToken(value[..colon]) || !SdpNumbers.TryParseUInt64(value[(colon + 1)..], out ulong amount))
        {
            return Fail(SdpParseError.InvalidBandwidth, $"b= '{Quote(value)}' is not <type>:<number>");
        }

        bandwidth = new SdpBandwidth(Text(value[..colon]), amount);
        return true;
    }

    private bool ReadTiming(ReadOnlySpan<byte> value)
    {
        var fields = new SdpFieldReader<byte>(value);
        if (!fields.TryNext(out var start) || !fields.TryNext(out var stop) || !fields.IsAtEnd
            || !SdpNumbers.TryParseUInt64(start, out ulong startTime) || !SdpNumbers.TryParseUInt64(stop, out ulong stopTime))
        {
            return Fail(SdpParseError.InvalidTiming, $"t= '{Quote(value)}' is not <start> <stop>");
        }

        EndTiming();
        (_timings ??= []).Add(new SdpTiming(startTime, stopTime));
        _repeats = [];
        return true;
    }

    private bool ReadAttribute(ReadOnlySpan<byte> value, out SdpAttribute attribute)
    {
        attribute = default;
        int colon = value.IndexOf((byte)':');
        var name = colon < 0 ? value : value[..colon];
        if (!SdpSyntax.IsToken(name)) return Fail(SdpParseError.InvalidAttribute, $"a= name '{Quote(name)}' is not a token");
        attribute = new SdpAttribute(Text(name), colon < 0 ? null : Text(value[(colon + 1)..]));
        return true;
    }

    private bool StartMedia(ReadOnlySpan<byte> value)
    {
        EndTiming();
        EndMedia();
        if (_media.Count == SdpLimits.MaxMediaDescriptions)
        {
            return Fail(SdpParseError.TooManyMediaDescriptions, $"more than {SdpLimits.MaxMediaDescriptions} m= lines");
        }

        var fields = new SdpFieldReader<byte>(value);
        if (!fields.TryNext(out var media) || !fields.TryNext(out var portField) || !fields.TryNext(out var protocol))
        {
            return Fail(SdpParseError.InvalidMediaLine, "m= needs: media port proto fmt...");
        }

        if (!SdpSyntax.IsToken(media)) return Fail(SdpParseError.InvalidMediaLine, $"m= media type '{Quote(media)}' is not a token");
        if (!IsProtocol(protocol)) return Fail(SdpParseError.InvalidMediaLine, $"m= protocol '{Quote(protocol)}' is malformed");

        int slash = portField.IndexOf((byte)'/');
        var portText = slash < 0 ? portField : portField[..slash];
        if (!SdpNumbers.TryParsePort(portText, out int port))
        {
            return Fail(SdpParseError.InvalidMediaLine, $"m= port '{Quote(portText)}' is not 0 to 65535");
        }

        int? portCount = null;
        if (slash >= 0)
        {
            if (!SdpNumbers.TryParsePort(portField[(slash + 1)..], out int count) || count == 0)
            {
                return Fail(SdpParseError.InvalidMediaLine, $"m= port count '{Quote(portField[(slash + 1)..])}' is not 1 to 65535");
            }

            portCount = count;
        }

        var formats = new List<string>();
        while (fields.TryNext(out var format))
        {
            if (formats.Count == SdpLimits.MaxFormatsPerMedia)
            {
                return Fail(SdpParseError.TooManyFormats, $"more than {SdpLimits.MaxFormatsPerMedia} formats on one m= line");
            }

            if (!SdpSyntax.IsToken(format)) return Fail(SdpParseError.InvalidMediaLine, $"m= format '{Quote(format)}' is not a token");
            formats.Add(Text(format));
        }

        _section = new MediaSectionReader(Text(media), port, portCount, Text(protocol), formats);
        return true;
    }

    /// <summary><c>proto = token *("/" token)</c>.</summary>
    private static bool IsProtocol(ReadOnlySpan<byte> text)
    {
        foreach (var range in text.Split((byte)'/'))
        {
            if (!SdpSyntax.IsToken(text[range])) return false;
        }

        return true;
    }
}
