using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Telephony.Routing;

/// <summary>Parses trunk source networks: <c>203.0.113.0/24</c>, <c>2001:db8::/32</c>, or a bare address (/32, /128).</summary>
public static class CidrNotation
{
    public static bool TryParse(string? text, out IPNetwork network, [NotNullWhen(false)] out string? error)
    {
        network = default;
        var value = text?.Trim() ?? string.Empty;
        var slash = value.IndexOf('/');
        var addressText = slash >= 0 ? value[..slash] : value;
        if (!IPAddress.TryParse(addressText, out var address) || addressText.Contains('%') || !IsCanonicalForm(addressText, address))
        {
            error = $"'{value}' is not an IPv4 or IPv6 address or CIDR (e.g. 203.0.113.0/24, 2001:db8::/32).";
            return false;
        }

        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0
            && (!int.TryParse(value.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > maxPrefix))
        {
            error = $"'{value}' has a prefix length that is not 0..{maxPrefix}.";
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            error = $"'{value}' is an IPv4-mapped IPv6 address; write the IPv4 form.";
            return false;
        }

        var masked = Mask(address, prefix);
        if (!masked.Equals(address))
        {
            // Most often a typo for the network; say which one rather than silently widening or narrowing.
            error = $"'{value}' has host bits set; the network is {masked}/{prefix}.";
            return false;
        }

        network = new IPNetwork(address, prefix);
        error = null;
        return true;
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bitsInByte = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bitsInByte));
        }

        return new IPAddress(bytes);
    }

    // IPAddress.TryParse also takes "10", "10.1" and hex parts (inet_aton forms); in a source list those are
    // almost always mistakes, so IPv4 must be written as four decimal parts.
    private static bool IsCanonicalForm(string text, IPAddress address) =>
        address.AddressFamily != AddressFamily.InterNetwork
        || (text.Count(c => c == '.') == 3 && text.All(c => char.IsAsciiDigit(c) || c == '.'));
}
