using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Media.Codecs;

/// <summary>
/// The audio codecs this engine can encode and decode, found the way SDP names them: by static
/// payload type, or by the rtpmap encoding name (case-insensitive) and clock rate.
/// </summary>
/// <remarks>Immutable and thread-safe; lookups allocate nothing.</remarks>
public sealed class CodecCatalog
{
    private readonly AudioCodec[] _codecs;

    /// <summary>Every built-in codec: PCMU, PCMA, G722, L16/8000, L16/16000.</summary>
    public static CodecCatalog Default { get; } = new(
    [
        G711Codec.MuLaw,
        G711Codec.ALaw,
        G722Codec.Instance,
        L16Codec.Narrowband,
        L16Codec.Wideband,
    ]);

    /// <summary>Creates a catalog of the given codecs, in the given order.</summary>
    /// <exception cref="ArgumentException">Two codecs share a static payload type or a name and clock rate.</exception>
    public CodecCatalog(IEnumerable<AudioCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        _codecs = [.. codecs];
        for (int i = 0; i < _codecs.Length; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (_codecs[i].StaticPayloadType is { } type && type == _codecs[j].StaticPayloadType)
                {
                    throw new ArgumentException($"{_codecs[i]} and {_codecs[j]} share static payload type {type}.", nameof(codecs));
                }

                if (_codecs[i].RtpClockRate == _codecs[j].RtpClockRate &&
                    string.Equals(_codecs[i].Name, _codecs[j].Name, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"{_codecs[i]} is listed twice.", nameof(codecs));
                }
            }
        }
    }

    /// <summary>The codecs in catalog order.</summary>
    public IReadOnlyList<AudioCodec> All => _codecs;

    /// <summary>Finds the codec that owns a static payload type (0 → PCMU, 8 → PCMA, 9 → G722).</summary>
    public bool TryGetByPayloadType(int payloadType, [NotNullWhen(true)] out AudioCodec? codec)
    {
        foreach (AudioCodec candidate in _codecs)
        {
            if (candidate.StaticPayloadType == payloadType)
            {
                codec = candidate;
                return true;
            }
        }

        codec = null;
        return false;
    }

    /// <summary>
    /// Finds a codec by rtpmap encoding name and clock rate ("g722", 8000), ignoring case as
    /// RFC 4855 says. Only mono is supported, so any other <paramref name="channels"/> finds nothing.
    /// </summary>
    public bool TryGetByName(ReadOnlySpan<char> encodingName, int clockRate, [NotNullWhen(true)] out AudioCodec? codec, int channels = 1)
    {
        if (channels == 1)
        {
            foreach (AudioCodec candidate in _codecs)
            {
                if (candidate.RtpClockRate == clockRate && encodingName.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase))
                {
                    codec = candidate;
                    return true;
                }
            }
        }

        codec = null;
        return false;
    }

    /// <summary>
    /// Finds a codec from an rtpmap value without the payload type: "PCMU/8000", "G722/8000/1".
    /// A missing clock rate or a malformed value finds nothing.
    /// </summary>
    public bool TryGetByRtpMap(ReadOnlySpan<char> rtpMap, [NotNullWhen(true)] out AudioCodec? codec)
    {
        codec = null;
        int slash = rtpMap.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> name = rtpMap[..slash];
        ReadOnlySpan<char> rest = rtpMap[(slash + 1)..];
        int channels = 1;
        int second = rest.IndexOf('/');
        if (second >= 0)
        {
            if (!TryParseDecimal(rest[(second + 1)..], out channels))
            {
                return false;
            }

            rest = rest[..second];
        }

        return TryParseDecimal(rest, out int clockRate) && TryGetByName(name, clockRate, out codec, channels);
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 9)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
