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
    /// <summary>Per receive thread: sources by address, so a datagram from a known peer allocates no endpoint.</summary>
    private const int MaxCachedSources = 4096;

    [ThreadStatic] private static SendTarget? t_lastTarget;

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
        var sources = new Dictionary<SocketAddress, SipSource>();
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
            if (IsKeepAlive(buffer.AsSpan(0, received))) _layer.Statistics.KeepAlive();
            else if (received > _layer.Options.MaxMessageSize) _layer.Statistics.MalformedMessage(answered: false);
            else _layer.Deliver(buffer.AsSpan(0, received).ToArray(), SourceOf(address, sources));
            // Between datagrams, while busy: due timers run here rather than on a thread pool full of call work.
            _layer.RunDueWork();
        }
    }

    /// <summary>
    /// The source for a datagram's address: cached per thread (bounded; cleared when full), since a registrar hears the
    /// same phones again and again and an endpoint per datagram is garbage the GC has to chase at 20k datagrams/s.
    /// </summary>
    private SipSource SourceOf(SocketAddress address, Dictionary<SocketAddress, SipSource> sources)
    {
        if (sources.TryGetValue(address, out var source)) return source;
        var remote = Normalize((IPEndPoint)LocalEndPoint.Create(address));
        source = new SipSource(SipTransportKind.Udp, remote, LocalEndPoint);
        if (sources.Count >= MaxCachedSources) sources.Clear();
        var key = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(key.Buffer.Span);
        sources[key] = source;
        return source;
    }

    /// <summary>CRLF keep-alives some phones send over UDP (RFC 5626 uses STUN there; a bare CRLF needs no answer).</summary>
    private static bool IsKeepAlive(ReadOnlySpan<byte> datagram) => datagram.IndexOfAnyExcept("\r\n"u8) < 0;

    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        try
        {
            _socket.SendTo(message.Span, SocketFlags.None, TargetAddress(destination.EndPoint));
            return true;
        }
        catch (SocketException ex)
        {
            LogSendFailure(destination, ex);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    // Apart from Send: a lambda there capturing the destination had its closure allocated on every send.
    private void LogSendFailure(SipDestination destination, SocketException ex) =>
        _layer.Log.Write(SipLogLevel.Warning, "sip.udp", () => $"UDP send to {destination.EndPoint} failed: {ex.SocketErrorCode}");

    private int _disposed;

    /// <summary>
    /// The serialized address to send to. Responses go back to the endpoint the request came from, which the source cache
    /// hands out as the same instance, so one cached entry per thread saves serializing (and allocating) on every send.
    /// </summary>
    private SocketAddress TargetAddress(IPEndPoint endPoint)
    {
        var last = t_lastTarget;
        if (last != null && last.Owner == this && (ReferenceEquals(last.EndPoint, endPoint) || last.EndPoint.Equals(endPoint)))
            return last.Address;
        var target = endPoint;
        if (_socket.DualMode && target.AddressFamily == AddressFamily.InterNetwork)
            target = new IPEndPoint(target.Address.MapToIPv6(), target.Port);
        var address = target.Serialize();
        t_lastTarget = new SendTarget(this, endPoint, address);
        return address;
    }

    private sealed record SendTarget(UdpSipTransport Owner, IPEndPoint EndPoint, SocketAddress Address);

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
