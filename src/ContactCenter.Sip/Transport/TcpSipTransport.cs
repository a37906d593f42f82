using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>A TCP listener and the connections it accepted or opened, each with its own receive loop and send queue.</summary>
internal sealed class TcpSipTransport : ISipTransportListener
{
    private int _disposed;
    private readonly SipTransportLayer _layer;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, TcpSipConnection> _byId = new();
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _byRemote = new();
    private long _nextId;
    private Task? _acceptLoop;

    public TcpSipTransport(SipTransportLayer layer, IPEndPoint endPoint)
    {
        _layer = layer;
        _listener = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6 && endPoint.Address.Equals(IPAddress.IPv6Any))
            _listener.DualMode = true;
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(endPoint);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    internal SipTransportLayer Layer => _layer;

    internal CancellationToken Stopping => _stop.Token;

    public int ConnectionCount => _byId.Count;

    public void Start()
    {
        _listener.Listen(512);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(token);
            }
            catch (OperationCanceledException) { break; }
            catch (ObjectDisposedException) { break; }
            catch (SocketException ex)
            {
                _layer.Log.Write(SipLogLevel.Warning, "sip.tcp", () => $"TCP accept on {LocalEndPoint} failed: {ex.SocketErrorCode}");
                continue;
            }
            if (_byId.Count >= _layer.Options.MaxConnections)
            {
                _layer.Statistics.ConnectionRefused();
                socket.Dispose();
                continue;
            }
            _layer.Statistics.ConnectionAccepted();
            var connection = Register(socket, UdpSipTransport.Normalize((IPEndPoint)socket.RemoteEndPoint!));
            connection.Start();
        }
    }

    private TcpSipConnection Register(Socket? socket, IPEndPoint remote)
    {
        long id = Interlocked.Increment(ref _nextId);
        var connection = new TcpSipConnection(this, id, socket, remote);
        _byId[id] = connection;
        _byRemote[remote] = connection;
        return connection;
    }

    internal void Unregister(TcpSipConnection connection)
    {
        _byId.TryRemove(connection.Id, out _);
        _byRemote.TryRemove(new KeyValuePair<IPEndPoint, TcpSipConnection>(connection.Remote, connection));
    }

    /// <summary>
    /// Sends on the connection the destination names, else on any open connection to that address, else opens one
    /// (RFC 3261 §18.2.2: a response whose connection closed goes to a new connection to the source).
    /// </summary>
    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        if (_stop.IsCancellationRequested) return false;
        if (destination.ConnectionId != 0 && _byId.TryGetValue(destination.ConnectionId, out var byId) && byId.Enqueue(message))
            return true;
        var remote = UdpSipTransport.Normalize(destination.EndPoint);
        if (_byRemote.TryGetValue(remote, out var byRemote) && byRemote.Enqueue(message)) return true;
        if (_byId.Count >= _layer.Options.MaxConnections) return false;
        var connection = Register(null, remote);
        connection.Enqueue(message);
        connection.StartOutbound();
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stop.Cancel();
        _listener.Dispose();
        if (_acceptLoop != null)
        {
            try { await _acceptLoop; } catch (Exception) { /* ends on dispose by design */ }
        }
        foreach (var connection in _byId.Values) await connection.DisposeAsync();
        _stop.Dispose();
    }
}
