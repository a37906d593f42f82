using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>
/// The use of one RTP/RTCP port pair by one call leg. The holder sends on the sockets, receives through
/// <see cref="Attach"/>, and disposes the lease when the leg ends: the pair goes back to the allocator, which keeps its
/// sockets bound for a later leg (or closes them when reuse is off). Dispose is idempotent.
/// </summary>
public sealed class RtpPortLease : IDisposable
{
    private readonly RtpPortAllocator _owner;
    private readonly RtpPortPair _pair;
    private int _disposed;

    internal RtpPortLease(RtpPortAllocator owner, RtpPortPair pair)
    {
        _owner = owner;
        _pair = pair;
    }

    /// <summary>The socket bound to the even RTP port; <see cref="ObjectDisposedException"/> once the lease is given back
    /// (the pair may already serve another leg).</summary>
    public Socket RtpSocket => IsDisposed ? throw new ObjectDisposedException(nameof(RtpPortLease)) : _pair.RtpSocket;

    /// <summary>The socket bound to the odd RTCP port (RTP port + 1); <see cref="ObjectDisposedException"/> once given back.</summary>
    public Socket RtcpSocket => IsDisposed ? throw new ObjectDisposedException(nameof(RtpPortLease)) : _pair.RtcpSocket;

    /// <summary>The local RTP address and port.</summary>
    public IPEndPoint RtpEndPoint => _pair.RtpEndPoint;

    /// <summary>The local RTCP address and port.</summary>
    public IPEndPoint RtcpEndPoint => _pair.RtcpEndPoint;

    /// <summary>The even RTP port.</summary>
    public int RtpPort => RtpEndPoint.Port;

    /// <summary>The odd RTCP port.</summary>
    public int RtcpPort => RtcpEndPoint.Port;

    /// <summary>Datagrams the pair dropped because nobody held it (between legs, or before this leg attached).</summary>
    public long DroppedWhileUnheld => _pair.DroppedUnheld;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Delivers the pair's datagrams to <paramref name="holder"/> until the lease is disposed.</summary>
    internal void Attach(IRtpDatagramHandler holder, bool dedicatedThreads)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _pair.Attach(holder, dedicatedThreads);
    }

    /// <summary>Stops delivery and returns the pair to the allocator (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _pair.Detach();
        _owner.Release(_pair);
    }
}
