using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Endpoints;

/// <summary>Allocation-free comparisons of <see cref="SocketAddress"/> values as the socket layer fills them (sockaddr_in/in6).</summary>
internal static class SocketAddresses
{
    /// <summary>True when both hold the same IP address, whatever the ports.</summary>
    public static bool SameIp(SocketAddress left, SocketAddress right)
    {
        if (left.Family != right.Family)
        {
            return false;
        }

        // sockaddr_in: family(2) port(2) address(4); sockaddr_in6: family(2) port(2) flowinfo(4) address(16).
        var (offset, length) = left.Family == AddressFamily.InterNetworkV6 ? (8, 16) : (4, 4);
        if (left.Size < offset + length || right.Size < offset + length)
        {
            return false;
        }

        return left.Buffer.Span.Slice(offset, length).SequenceEqual(right.Buffer.Span.Slice(offset, length));
    }
}
