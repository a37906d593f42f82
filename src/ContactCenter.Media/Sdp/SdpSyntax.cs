using System.Numerics;

namespace ContactCenter.Media.Sdp;

/// <summary>Character classes from the RFC 8866 grammar.</summary>
internal static class SdpSyntax
{
    /// <summary>
    /// <c>token-char</c> (RFC 8866 §9): visible ASCII except space, <c>"</c>, <c>(</c>, <c>)</c>, <c>,</c>, <c>/</c>,
    /// <c>:</c>, <c>;</c>, <c>&lt;</c>, <c>=</c>, <c>&gt;</c>, <c>?</c>, <c>@</c>, <c>[</c>, <c>\</c>, <c>]</c>.
    /// </summary>
    public static bool IsTokenChar(uint c) => c switch
    {
        0x21 or (>= 0x23 and <= 0x27) or 0x2A or 0x2B or 0x2D or 0x2E => true,
        (>= 0x30 and <= 0x39) or (>= 0x41 and <= 0x5A) or (>= 0x5E and <= 0x7E) => true,
        _ => false,
    };

    public static bool IsToken<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.IsEmpty) return false;
        foreach (T c in text)
        {
            if (!IsTokenChar(uint.CreateTruncating(c))) return false;
        }

        return true;
    }

    /// <summary>
    /// What a field of a structured line (o=, c=, m=, b=) may hold when written: anything but the separators (space,
    /// tab) and the bytes that would end or corrupt the line. The parser splits on the same separators, so whatever it
    /// reads writes back.
    /// </summary>
    public static bool IsField(string text) => text.Length > 0 && text.AsSpan().IndexOfAny(" \t\r\n\0") < 0;

    /// <summary>Whether a text value can be written on one line: no NUL, CR or LF (RFC 8866 §9 <c>text</c>).</summary>
    public static bool IsLineSafe(string text) => text.AsSpan().IndexOfAny('\0', '\r', '\n') < 0;
}
