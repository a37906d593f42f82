using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ContactCenter.TestPeers;

/// <summary>
/// Free loopback ports for peers that need a number on their command line or in their config.
/// A port is free when handed out; nothing can hold it for the peer, so each port is handed out
/// once per test process to keep parallel tests in this process from racing for the same one.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>A UDP port the kernel reports free on <paramref name="address"/> (default 127.0.0.1).</summary>
    public static int Udp(IPAddress? address = null) =>
        Find(() => BindAndRelease(address ?? IPAddress.Loopback, SocketType.Dgram, ProtocolType.Udp, 0));

    /// <summary>A TCP port the kernel reports free on <paramref name="address"/> (default 127.0.0.1).</summary>
    public static int Tcp(IPAddress? address = null) =>
        Find(() => BindAndRelease(address ?? IPAddress.Loopback, SocketType.Stream, ProtocolType.Tcp, 0));

    /// <summary>
    /// A port free for both UDP and TCP on <paramref name="address"/>: SIP peers listen on both with
    /// one number (baresip's sip_listen, sipp with -t u1 or t1).
    /// </summary>
    public static int UdpAndTcp(IPAddress? address = null)
    {
        var bindAddress = address ?? IPAddress.Loopback;
        return Find(() =>
        {
            var port = BindAndRelease(bindAddress, SocketType.Stream, ProtocolType.Tcp, 0);
            return BindAndRelease(bindAddress, SocketType.Dgram, ProtocolType.Udp, port);
        });
    }

    /// <summary>
    /// baresip's sip_listen port: free for UDP and TCP, and the next port free for TCP too, because baresip also opens
    /// its SIP/TLS listener on sip_listen + 1 and exits when that is taken. Both ports are reserved.
    /// </summary>
    public static int BaresipSipListen(IPAddress? address = null)
    {
        var bindAddress = address ?? IPAddress.Loopback;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = UdpAndTcp(bindAddress);
            if (port >= IPEndPoint.MaxPort || HandedOut.ContainsKey(port + 1)) continue;
            try
            {
                BindAndRelease(bindAddress, SocketType.Stream, ProtocolType.Tcp, port + 1);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                continue;
            }
            if (HandedOut.TryAdd(port + 1, 0)) return port;
        }
        throw new InvalidOperationException("No free port pair for baresip's SIP and SIP/TLS listeners.");
    }

    /// <summary>
    /// <paramref name="count"/> consecutive UDP ports that are all unbound right now, below the
    /// kernel's ephemeral range (so no port-0 bind elsewhere lands in them), e.g. for RTP.
    /// </summary>
    public static (int First, int Last) UdpRange(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1000);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20000, 32000 - count) & ~1;
            var range = Enumerable.Range(first, count).ToList();
            if (range.Any(HandedOut.ContainsKey))
            {
                continue;
            }
            var inUse = PortProbe.PortsInUse();
            if (range.Any(inUse.Contains))
            {
                continue;
            }
            if (range.All(port => HandedOut.TryAdd(port, 0)))
            {
                return (first, first + count - 1);
            }
        }
        throw new InvalidOperationException($"No {count} consecutive free UDP ports found.");
    }

    private static int Find(Func<int> tryPort)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            int port;
            try
            {
                port = tryPort();
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                continue;
            }
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }
        throw new InvalidOperationException("No free port found after 100 attempts.");
    }

    private static int BindAndRelease(IPAddress address, SocketType type, ProtocolType protocol, int port)
    {
        using var socket = new Socket(address.AddressFamily, type, protocol);
        socket.Bind(new IPEndPoint(address, port));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
