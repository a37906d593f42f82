namespace ContactCenter.Sip.Messages;

/// <summary>hostport = host [ ":" port ] where host is a hostname, an IPv4 address or an IPv6 reference (RFC 3261 §25.1, RFC 5118).</summary>
internal static class SipHostPort
{
    private static readonly System.Buffers.SearchValues<byte> HostChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._"u8);

    /// <summary>Reads a host and optional port starting at <paramref name="i"/>; port is 0 when absent.</summary>
    public static bool TryRead(ReadOnlySpan<byte> span, ref int i, out TextRange host, out int port)
    {
        port = 0;
        host = default;
        int start = i;
        if (i < span.Length && span[i] == (byte)'[')
        {
            int close = span[i..].IndexOf((byte)']');
            if (close < 0) return false;
            var inner = span.Slice(i + 1, close - 1);
            if (inner.IsEmpty || inner.ContainsAnyExcept(Ipv6Chars)) return false;
            i += close + 1;
        }
        else
        {
            while (i < span.Length && HostChars.Contains(span[i])) i++;
            if (i == start) return false;
        }
        host = TextRange.FromBounds(start, i);
        // LWS is allowed around the colon of sent-by in practice only; the grammar has none, so we accept none.
        if (i < span.Length && span[i] == (byte)':')
        {
            i++;
            int portStart = i;
            while (i < span.Length && (uint)(span[i] - '0') <= 9) i++;
            if (!SipSyntax.TryParseUInt(span[portStart..i], 65535, out ulong p)) return false;
            port = (int)p;
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<byte> Ipv6Chars =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF:."u8);
}
