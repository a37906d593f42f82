using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Reads a session description (RFC 8866) from UTF-8 bytes. Strict where negotiation depends on it (<c>v=</c>,
/// <c>o=</c>, <c>c=</c>, <c>m=</c>, <c>b=</c>, <c>t=</c>), lenient where real phones are sloppy: LF-only line ends,
/// trailing whitespace, blank lines, a missing <c>s=</c> or <c>t=</c>, fields in an unusual order, runs of spaces
/// between fields, malformed values of attributes (read as absent by the typed views). Never throws; work is linear
/// in the input, which is capped by <see cref="SdpLimits"/>.
/// </summary>
public static class SdpParser
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses <paramref name="utf8"/>.</summary>
    public static SdpParseResult Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > SdpLimits.MaxSize)
        {
            return SdpParseResult.Failure(SdpParseError.TooLarge, 0, $"{utf8.Length} bytes; at most {SdpLimits.MaxSize} are accepted");
        }

        if (utf8.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        int lineCount = utf8.Count((byte)'\n') + 1;
        if (lineCount > SdpLimits.MaxLines)
        {
            return SdpParseResult.Failure(SdpParseError.TooManyLines, 0, $"{lineCount} lines; at most {SdpLimits.MaxLines} are accepted");
        }

        var reader = new SdpSessionReader();
        int lineNumber = 0;
        while (!utf8.IsEmpty)
        {
            int end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? [] : utf8[(end + 1)..];
            lineNumber++;
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0) continue;
            if (!reader.ReadLine(line, lineNumber)) return reader.Failure;
        }

        return reader.Finish();
    }

    /// <summary>Parses <paramref name="utf8"/>; on failure <paramref name="result"/> says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out SessionDescription? description, out SdpParseResult result)
    {
        result = Parse(utf8);
        description = result.Description;
        return result.IsSuccess;
    }
}
