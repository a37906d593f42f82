using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Sip.Auth;

/// <summary>
/// A source address as the limiter counts it: IPv4 and IPv4-mapped IPv6 are the same source, and
/// native IPv6 is cut to a prefix. Sixteen bytes, no allocation.
/// </summary>
internal readonly record struct AuthFailureSourceKey(UInt128 Value)
{
    public static AuthFailureSourceKey From(IPAddress address, int ipv6PrefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[10] = 0xFF;
            bytes[11] = 0xFF;
            address.TryWriteBytes(bytes[12..], out _);
        }
        else
        {
            address.TryWriteBytes(bytes, out _);
            if (!address.IsIPv4MappedToIPv6)
            {
                MaskToPrefix(bytes, ipv6PrefixLength);
            }
        }

        return new AuthFailureSourceKey(new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])));
    }

    /// <summary>How the source is named in a log line: the address, or the IPv6 prefix it was counted under.</summary>
    public static string Describe(IPAddress address, int ipv6PrefixLength)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address.ToString();
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (ipv6PrefixLength >= 128)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        MaskToPrefix(bytes, ipv6PrefixLength);
        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }

    private static void MaskToPrefix(Span<byte> bytes, int prefixLength)
    {
        for (int i = 0; i < 16; i++)
        {
            int keep = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF00 >> keep);
        }
    }
}
