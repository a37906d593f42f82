using System.Buffers;

namespace ContactCenter.Sip.Messages;

/// <summary>Character classes of the RFC 3261 §25 grammar, over bytes.</summary>
internal static class SipSyntax
{
    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")</summary>
    public static readonly SearchValues<byte> Token = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>Characters allowed in a Call-ID word (RFC 3261 §25.1 "word").</summary>
    public static readonly SearchValues<byte> Word = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~()<>:\\\"/[]?{}"u8);

    /// <summary>Characters that may appear unescaped in a SIP URI (unreserved, reserved, escape and the IPv6 brackets).</summary>
    public static readonly SearchValues<byte> UriChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()%;/?:@&=+$,[]#"u8);

    public static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);

    public static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    public static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private static readonly bool[] TokenBytes = CreateTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    private static bool[] CreateTable(ReadOnlySpan<byte> members)
    {
        var table = new bool[256];
        foreach (byte b in members) table[b] = true;
        return table;
    }

    /// <summary>One byte of a token, by table: for the byte-at-a-time loops where a vector search does not pay.</summary>
    public static bool IsTokenByte(byte b) => TokenBytes[b];

    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(Token);

    public static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int start = 0, end = value.Length;
        while (start < end && IsWhitespace(value[start])) start++;
        while (end > start && IsWhitespace(value[end - 1])) end--;
        return value[start..end];
    }

    public static (int Start, int Length) TrimRange(ReadOnlySpan<byte> value, int start, int length)
    {
        int end = start + length;
        while (start < end && IsWhitespace(value[start])) start++;
        while (end > start && IsWhitespace(value[end - 1])) end--;
        return (start, end - start);
    }

    /// <summary>Parses a non-negative decimal number; false on empty, non-digits or overflow past <paramref name="max"/>.</summary>
    public static bool TryParseUInt(ReadOnlySpan<byte> digits, ulong max, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 20) return false;
        foreach (byte b in digits)
        {
            uint d = (uint)(b - '0');
            if (d > 9) return false;
            if (value > (max - d) / 10) return false;
            value = value * 10 + d;
        }
        return true;
    }

    /// <summary>
    /// Finds the end of a quoted-string that starts at <paramref name="openQuote"/> (which holds the opening DQUOTE).
    /// Returns the index of the closing DQUOTE, or -1 when the string is unterminated.
    /// </summary>
    public static int FindClosingQuote(ReadOnlySpan<byte> value, int openQuote)
    {
        int i = openQuote + 1;
        while (i < value.Length)
        {
            int k = value[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (k < 0) return -1;
            i += k;
            if (value[i] == (byte)'"') return i;
            i += 2; // a quoted-pair: skip the backslash and the octet it escapes
        }
        return -1;
    }

    /// <summary>
    /// Index of the next <paramref name="separator"/> at nesting level zero: outside quoted strings and angle brackets.
    /// -1 when none, or when a quote or bracket is left open (the rest is then one element, and its parser refuses it).
    /// </summary>
    public static int IndexOfUnquoted(ReadOnlySpan<byte> value, byte separator, int from = 0)
    {
        int i = from;
        while (i < value.Length)
        {
            int k = value[i..].IndexOfAny(separator, (byte)'"', (byte)'<');
            if (k < 0) return -1;
            i += k;
            byte b = value[i];
            if (b == separator) return i;
            int close = b == (byte)'"' ? FindClosingQuote(value, i) : IndexOfFrom(value, i + 1, (byte)'>');
            if (close < 0) return -1;
            i = close + 1;
        }
        return -1;
    }

    private static int IndexOfFrom(ReadOnlySpan<byte> value, int from, byte b)
    {
        int k = value[from..].IndexOf(b);
        return k < 0 ? -1 : from + k;
    }
}
