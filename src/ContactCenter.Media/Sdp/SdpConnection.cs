using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// A <c>c=</c> line (RFC 8866 §5.7): network type, address type, and the address with, for multicast, a TTL (IP4 only)
/// and an address count. Multicast forms parse and write back; negotiation refuses them.
/// </summary>
public sealed record SdpConnection(
    string NetworkType,
    string AddressType,
    string Address,
    int? Ttl = null,
    int? AddressCount = null)
{
    /// <summary>The Internet network type, <c>IN</c>.</summary>
    public const string Internet = "IN";

    /// <summary><c>IP4</c>.</summary>
    public const string IP4 = "IP4";

    /// <summary><c>IP6</c>.</summary>
    public const string IP6 = "IP6";

    /// <summary>A unicast Internet connection for <paramref name="address"/>.</summary>
    public static SdpConnection For(IPAddress address) =>
        new(Internet, AddressTypeOf(address), address.ToString());

    /// <summary><c>IP6</c> for an IPv6 address, otherwise <c>IP4</c>.</summary>
    public static string AddressTypeOf(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? IP6 : IP4;

    /// <summary>
    /// <c>0.0.0.0</c> (or <c>::</c>): the pre-RFC 3264 way to put a stream on hold (RFC 2543), still sent by old
    /// phones and by some SBCs. Media must not be sent there.
    /// </summary>
    public bool IsUnspecified => TryGetIPAddress(out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));

    /// <summary>The address as an IP literal; false for a host name (which this library does not resolve).</summary>
    public bool TryGetIPAddress(out IPAddress address) => SdpAddress.TryParseLiteral(Address, out address);

    /// <summary>The connection-address field as written: <c>address[/ttl][/count]</c>.</summary>
    public string FormatAddress()
    {
        if (Ttl is null && AddressCount is null) return Address;
        var text = Address;
        if (Ttl is int ttl) text += "/" + ttl.ToString(CultureInfo.InvariantCulture);
        if (AddressCount is int count) text += "/" + count.ToString(CultureInfo.InvariantCulture);
        return text;
    }

    internal static bool TryParseAddress(string addressType, ReadOnlySpan<byte> field, out string address, out int? ttl, out int? count)
    {
        ttl = null;
        count = null;
        address = "";
        int slash = field.IndexOf((byte)'/');
        var host = slash < 0 ? field : field[..slash];
        if (host.IsEmpty) return false;
        address = System.Text.Encoding.UTF8.GetString(host);
        if (slash < 0) return true;

        var suffix = field[(slash + 1)..];
        int second = suffix.IndexOf((byte)'/');
        var first = second < 0 ? suffix : suffix[..second];
        if (!SdpNumbers.TryParseInt32(first, out int firstValue)) return false;
        bool isIp4 = addressType.Equals(IP4, StringComparison.OrdinalIgnoreCase);
        if (second < 0)
        {
            // IP4 multicast carries the TTL first (RFC 8866 §5.7); IP6 has no TTL, only the address count.
            if (isIp4) ttl = firstValue <= 255 ? firstValue : null;
            else count = firstValue;
            return isIp4 ? ttl is not null : firstValue > 0;
        }

        if (!isIp4 || firstValue > 255) return false;
        if (!SdpNumbers.TryParseInt32(suffix[(second + 1)..], out int countValue) || countValue == 0) return false;
        ttl = firstValue;
        count = countValue;
        return true;
    }
}
