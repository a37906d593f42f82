using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Strict IP literals. <see cref="IPAddress.TryParse(string, out IPAddress)"/> also accepts shorthand such as
/// <c>127.1</c> or <c>1</c>; an SDP address is either a full dotted quad, an IPv6 literal, or a host name.
/// </summary>
internal static class SdpAddress
{
    public static bool TryParseLiteral(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        if (string.IsNullOrEmpty(text) || text.Length > 45 || text.Contains('%')) return false;
        if (text.Contains(':'))
        {
            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6) return false;
            address = v6;
            return true;
        }

        if (text.AsSpan().Count('.') != 3) return false;
        foreach (char c in text)
        {
            if (c != '.' && !char.IsAsciiDigit(c)) return false;
        }

        if (!IPAddress.TryParse(text, out var v4)) return false;
        address = v4;
        return true;
    }

    /// <summary>The SDP address type for the family of <paramref name="address"/>.</summary>
    public static bool MatchesType(IPAddress address, string addressType) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? addressType.Equals(SdpConnection.IP6, StringComparison.OrdinalIgnoreCase)
            : addressType.Equals(SdpConnection.IP4, StringComparison.OrdinalIgnoreCase);
}
