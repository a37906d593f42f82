using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Media.Ports;

/// <summary>
/// One bound RTP/RTCP socket pair and its receive path (the epoll receiver on Linux, else two async loops), kept by the
/// allocator across calls: creating, binding,
/// registering and closing four sockets per call was the largest kernel cost of call setup. The loops start with the
/// first holder and run until the pair is closed; a datagram that arrives while nobody holds the pair (between calls,
/// or from a previous call's peer) is counted and dropped.
/// </summary>
internal sealed class RtpPortPair
{
    /// <summary>Receive buffer size: larger than any RTP/RTCP datagram a peer sends on an Ethernet path.</summary>
    internal const int DatagramBufferSize = 2048;

    private volatile IRtpDatagramHandler? _holder;
    private int _loopsStarted;
    private int _closed;
    private long _droppedUnheld;

    public RtpPortPair(int index, Socket rtpSocket, Socket rtcpSocket)
    {
        Index = index;
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpEndPoint = (IPEndPoint)rtpSocket.LocalEndPoint!;
        RtcpEndPoint = (IPEndPoint)rtcpSocket.LocalEndPoint!;
    }

    public int Index { get; }

    public Socket RtpSocket { get; }

    public Socket RtcpSocket { get; }

    public IPEndPoint RtpEndPoint { get; }

    public IPEndPoint RtcpEndPoint { get; }

    /// <summary>When the pair was last given back (<see cref="Environment.TickCount64"/>), for the reuse quarantine.</summary>
    public long ReleasedAt { get; set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Set while the pair's sockets are in the epoll receiver (see <see cref="RtpEpollReceiver"/>).</summary>
    public RtpEpollReceiver.Registration? EpollRegistration { get; set; }

    /// <summary>Datagrams that arrived while no endpoint held the pair.</summary>
    public long DroppedUnheld => Interlocked.Read(ref _droppedUnheld);

    /// <summary>Routes the pair's datagrams to <paramref name="holder"/>, starting the receive loops the first time.</summary>
    public void Attach(IRtpDatagramHandler holder, bool dedicatedThreads)
    {
        _holder = holder;
        if (Interlocked.Exchange(ref _loopsStarted, 1) != 0)
        {
            return;
        }

        if (dedicatedThreads)
        {
            StartThread(RtpSocket, onRtcpSocket: false);
            StartThread(RtcpSocket, onRtcpSocket: true);
            return;
        }

        if (RtpEpollReceiver.Shared is { } epoll && epoll.TryRegister(this))
        {
            return;
        }

        _ = Task.Run(() => ReceiveLoopAsync(RtpSocket, onRtcpSocket: false));
        _ = Task.Run(() => ReceiveLoopAsync(RtcpSocket, onRtcpSocket: true));
    }

    /// <summary>Stops delivering to the holder; the loops keep draining the sockets.</summary>
    public void Detach() => _holder = null;

    /// <summary>Closes both sockets, which ends the loops (once).</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _holder = null;
        if (EpollRegistration is not null)
        {
            RtpEpollReceiver.Shared!.Unregister(this); // no thread reads the descriptors once this returns
        }
        RtpSocket.Dispose();
        RtcpSocket.Dispose();
    }

    // One loop per socket for the pair's whole life: the awaited ReceiveFromAsync with a SocketAddress reuses the socket's
    // cached awaitable and the state machine is boxed once, so steady state allocates nothing per datagram.
    private async Task ReceiveLoopAsync(Socket socket, bool onRtcpSocket)
    {
        var buffer = GC.AllocateArray<byte>(DatagramBufferSize, pinned: true);
        var source = new SocketAddress(socket.AddressFamily);
        var memory = buffer.AsMemory();
        while (!IsClosed)
        {
            int received;
            try
            {
                received = await socket.ReceiveFromAsync(memory, SocketFlags.None, source).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (IsClosed)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error reported on the socket, or a truncated datagram: nothing to process, keep listening.
                continue;
            }

            Deliver(buffer.AsSpan(0, received), source, onRtcpSocket);
        }
    }

    // The same loop on a dedicated thread with a blocking receive: no hand-off from the socket engine to the thread pool
    // per datagram (RtpEndpointOptions.DedicatedReceiveThreads). Ends when the pair is closed.
    private void StartThread(Socket socket, bool onRtcpSocket)
    {
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        new Thread(() => ReceiveLoopBlocking(socket, onRtcpSocket)) { IsBackground = true, Name = $"rtp-rx-{port}" }.Start();
    }

    private void ReceiveLoopBlocking(Socket socket, bool onRtcpSocket)
    {
        var buffer = new byte[DatagramBufferSize];
        var source = new SocketAddress(socket.AddressFamily);
        while (!IsClosed)
        {
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer, SocketFlags.None, source);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (IsClosed)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            Deliver(buffer.AsSpan(0, received), source, onRtcpSocket);
        }
    }

    internal void Deliver(Span<byte> datagram, SocketAddress source, bool onRtcpSocket)
    {
        var holder = _holder;
        if (holder is null)
        {
            Interlocked.Increment(ref _droppedUnheld);
            return;
        }

        holder.OnDatagram(datagram, source, onRtcpSocket);
    }
}
