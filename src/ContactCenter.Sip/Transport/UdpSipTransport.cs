using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One UDP socket read by dedicated receive threads. Each datagram is copied into a buffer the message owns and parsed on the loop;
/// the layers above only match and post, so the loop never waits on business logic.
/// </summary>
internal sealed class UdpSipTransport : ISipTransportListener
{
    private readonly SipTransportLayer _layer;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private Thread[] _threads = [];

    public UdpSipTransport(SipTransportLayer layer, IPEndPoint endPoint)
    {
        _layer = layer;
        _socket = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
            _socket.DualMode = true;
        SocketTuning.SetLargeBuffers(_socket, layer.Options.SocketBufferBytes);
        _socket.Bind(endPoint);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Starts the receive threads: dedicated threads in blocking recvfrom, several on one socket (the kernel hands each
    /// datagram to one of them). No thread-pool hop per datagram: under load that hop, and the pool's spinning, cost
    /// more than parsing and answering the message.
    /// </summary>
    public void Start()
    {
        int count = Math.Max(1, _layer.Options.UdpReceiveThreads);
        _threads = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            _threads[i] = new Thread(ReceiveLoop) { IsBackground = true, Name = $"sip-udp-{LocalEndPoint.Port}-{i}" };
            _threads[i].Start();
        }
    }

    private void ReceiveLoop()
    {
        var buffer = GC.AllocateArray<byte>(SipLimits.MaxMessageSize + 1, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException) { break; }
            catch (SocketException) when (token.IsCancellationRequested) { break; }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: neither stops the loop.
                continue;
            }
            catch (SocketException ex)
            {
                _layer.Log.Write(SipLogLevel.Error, "sip.udp", () => $"UDP receive on {LocalEndPoint} failed: {ex.SocketErrorCode}", ex);
                continue;
            }
            if (received == 0) continue;
            if (IsKeepAlive(buffer.AsSpan(0, received)))
            {
                _layer.Statistics.KeepAlive();
                continue;
            }
            if (received > _layer.Options.MaxMessageSize)
            {
                _layer.Statistics.MalformedMessage(answered: false);
                continue;
            }
            var remote = Normalize((IPEndPoint)LocalEndPoint.Create(address));
            var message = buffer.AsSpan(0, received).ToArray();
            _layer.Deliver(message, new SipSource(SipTransportKind.Udp, remote, LocalEndPoint));
        }
    }

    /// <summary>CRLF keep-alives some phones send over UDP (RFC 5626 uses STUN there; a bare CRLF needs no answer).</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) => datagram.IndexOfAnyExcept("\r\n"u8) < 0;

    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        try
        {
            var target = destination.EndPoint;
            if (_socket.DualMode && target.AddressFamily == AddressFamily.InterNetwork)
                target = new IPEndPoint(target.Address.MapToIPv6(), target.Port);
            _socket.SendTo(message.Span, SocketFlags.None, target);
            return true;
        }
        catch (SocketException ex)
        {
            _layer.Log.Write(SipLogLevel.Warning, "sip.udp", () => $"UDP send to {destination.EndPoint} failed: {ex.SocketErrorCode}");
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        // Closing the socket wakes the threads blocked in recvfrom (the runtime shuts the socket down first).
        _socket.Dispose();
        foreach (var thread in _threads)
        {
            if (thread != Thread.CurrentThread) await Task.Run(() => thread.Join(TimeSpan.FromSeconds(5)));
        }
        _stop.Dispose();
    }
}
