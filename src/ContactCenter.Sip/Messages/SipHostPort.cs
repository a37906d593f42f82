using System.Buffers;

namespace ContactCenter.Sip.Messages;

/// <summary>hostport = host [ ":" port ] where host is a hostname, an IPv4 address or an IPv6 reference (RFC 3261 §25.1, RFC 5118).</summary>
internal static class SipHostPort
{
    private static readonly SearchValues<byte> HostChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    /// <summary>Reads a host and optional port starting at <paramref name="i"/>; port is 0 when absent.</summary>
    public static bool TryRead(ReadOnlySpan<byte> span, ref int i, out TextRange host, out int port)
    {
        port = 0;
        host = default;
        int start = i;
        if (i < span.Length && span[i] == (byte)'[')
        {
            // Everything between the brackets is the address; a port only ever follows the ']' (RFC 5118 §4.3).
            int close = span[i..].IndexOf((byte)']');
            if (close < 0 || !IsIpv6Address(span.Slice(i + 1, close - 1))) return false;
            i += close + 1;
        }
        else
        {
            int end = span[i..].IndexOfAnyExcept(HostChars);
            i = end < 0 ? span.Length : i + end;
            if (i == start) return false;
        }
        host = TextRange.FromBounds(start, i);
        if (i < span.Length && span[i] == (byte)':')
        {
            i++;
            int portStart = i;
            while (i < span.Length && (uint)(span[i] - '0') <= 9 && i - portStart < 6) i++;
            if (!SipSyntax.TryParseUInt(span[portStart..i], 65535, out ulong p)) return false;
            port = (int)p;
        }
        return true;
    }

    /// <summary>An IP address as the received parameter carries it: IPv4, or IPv6 with or without brackets (RFC 5118 §4.5).</summary>
    public static bool IsIpAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length > 2 && value[0] == (byte)'[' && value[^1] == (byte)']') return IsIpv6Address(value[1..^1]);
        return IsIpv4Address(value) || IsIpv6Address(value);
    }

    /// <summary>dotted-quad IPv4address: four decimal octets of at most three digits, each at most 255.</summary>
    public static bool IsIpv4Address(ReadOnlySpan<byte> value)
    {
        int octets = 0, i = 0;
        while (true)
        {
            int start = i, n = 0;
            while (i < value.Length && (uint)(value[i] - '0') <= 9 && i - start < 3) n = n * 10 + (value[i++] - '0');
            if (i == start || n > 255) return false;
            octets++;
            if (i == value.Length) return octets == 4;
            if (value[i] != (byte)'.' || octets == 4) return false;
            i++;
        }
    }

    /// <summary>
    /// IPv6address of RFC 4291 §2.2: eight 16-bit hex groups, one "::" standing for a run of zero groups, the last
    /// two groups optionally written as an IPv4 address. RFC 3261's ABNF (copied from the obsolete RFC 2373) also
    /// derives ":::" right before an embedded IPv4 address; RFC 5118 §4.10 says to tolerate it, so exactly that
    /// position accepts it and reads it as "::".
    /// </summary>
    public static bool IsIpv6Address(ReadOnlySpan<byte> value)
    {
        if (value.Length < 2) return false;
        int i = 0, groups = 0;
        bool compressed = false;
        if (value[0] == (byte)':')
        {
            if (value[1] != (byte)':') return false;
            compressed = true;
            i = 2;
            if (i == value.Length) return true;
            if (value[i] == (byte)':' && IsIpv4Address(value[(i + 1)..])) i++;
        }
        while (i < value.Length)
        {
            int start = i;
            while (i < value.Length && SipSyntax.HexDigits.Contains(value[i])) i++;
            if (i < value.Length && value[i] == (byte)'.')
            {
                if (!IsIpv4Address(value[start..])) return false;
                groups += 2;
                break;
            }
            if (i == start || i - start > 4) return false;
            groups++;
            if (i == value.Length) break;
            if (value[i] != (byte)':') return false;
            i++;
            if (i == value.Length) return false; // a single trailing colon
            if (value[i] != (byte)':') continue;
            if (compressed) return false;
            compressed = true;
            i++;
            if (i < value.Length && value[i] == (byte)':' && IsIpv4Address(value[(i + 1)..])) i++;
        }
        return compressed ? groups <= 7 : groups == 8;
    }
}
