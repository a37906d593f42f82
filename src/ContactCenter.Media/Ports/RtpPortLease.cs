using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>
/// An RTP/RTCP port pair bound to UDP sockets. The holder uses the sockets for the call's media and disposes the lease
/// when the call ends, which closes both sockets and returns the pair to the allocator. Dispose is idempotent.
/// </summary>
public sealed class RtpPortLease : IDisposable
{
    private readonly RtpPortAllocator _owner;
    private readonly int _pairIndex;
    private int _disposed;

    internal RtpPortLease(RtpPortAllocator owner, int pairIndex, Socket rtpSocket, Socket rtcpSocket)
    {
        _owner = owner;
        _pairIndex = pairIndex;
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        RtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
    }

    /// <summary>The socket bound to the even RTP port.</summary>
    public Socket RtpSocket { get; }

    /// <summary>The socket bound to the odd RTCP port (RTP port + 1).</summary>
    public Socket RtcpSocket { get; }

    /// <summary>The local RTP address and port.</summary>
    public IPEndPoint RtpEndPoint { get; }

    /// <summary>The local RTCP address and port.</summary>
    public IPEndPoint RtcpEndPoint { get; }

    /// <summary>The even RTP port.</summary>
    public int RtpPort => RtpEndPoint.Port;

    /// <summary>The odd RTCP port.</summary>
    public int RtcpPort => RtcpEndPoint.Port;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Closes both sockets and returns the pair to the allocator (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RtpSocket.Dispose();
        RtcpSocket.Dispose();
        _owner.Release(_pairIndex);
    }
}
