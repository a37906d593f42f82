using System.Net;
using System.Net.Sockets;
using ContactCenter.Sip.Diagnostics;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// All of a node's listening sockets. Receives bytes, parses them, hands complete messages up to one
/// <see cref="ISipMessageHandler"/>, answers what cannot be parsed, and sends on behalf of the layers above.
/// </summary>
public sealed partial class SipTransportLayer : ISipSender, IAsyncDisposable
{
    private readonly List<ISipTransportListener> _listeners = [];
    private readonly RateLimitedLog _log;
    private ISipMessageHandler? _handler;

    public SipTransportLayer(SipTransportOptions options, ISipLog log, TimeProvider time)
    {
        Options = options;
        _log = new RateLimitedLog(log, time);
        foreach (var endpoint in options.Listen)
        {
            _listeners.Add(endpoint.Transport switch
            {
                SipTransportKind.Udp => new UdpSipTransport(this, endpoint.EndPoint),
                SipTransportKind.Tcp => new TcpSipTransport(this, endpoint.EndPoint),
                _ => throw new NotSupportedException($"SIP transport {endpoint.Transport} is not implemented yet (UDP and TCP are)."),
            });
        }
    }

    public SipTransportOptions Options { get; }

    public SipTransportStatistics Statistics { get; } = new();

    /// <summary>The bound addresses, in the order of <see cref="SipTransportOptions.Listen"/> (real ports when 0 was asked).</summary>
    public IReadOnlyList<SipListenEndpoint> LocalEndPoints =>
        _listeners.Select(l => new SipListenEndpoint(l.Kind, l.LocalEndPoint)).ToArray();

    internal RateLimitedLog Log => _log;

    /// <summary>Binds every socket and starts the receive loops; messages go to <paramref name="handler"/>.</summary>
    public void Start(ISipMessageHandler handler)
    {
        _handler = handler;
        foreach (var listener in _listeners) listener.Start();
    }

    public bool Send(ReadOnlyMemory<byte> message, SipDestination destination)
    {
        var listener = FindListener(destination.Transport, destination.EndPoint.AddressFamily);
        if (listener == null || !listener.Send(message, destination))
        {
            Statistics.SendFailed();
            return false;
        }
        Statistics.Sent();
        return true;
    }

    public SipDestination ResponseDestination(SipMessage request)
    {
        var source = request.Source ?? throw new InvalidOperationException("A response can only be routed for a received request.");
        if (ISipSender.IsReliable(source.Transport))
            return new SipDestination(source.Transport, source.RemoteEndPoint, source.ConnectionId);

        // RFC 3261 §18.2.2 for unreliable transports, with RFC 3581: with rport, answer the source address and port;
        // otherwise the received address (the source) and the sent-by port. maddr (multicast) is not supported: we
        // answer the source instead, which is what a NAT'ed phone needs anyway.
        var via = request.TopVia;
        if (via.IsEmpty || via.HasRPort)
            return new SipDestination(source.Transport, source.RemoteEndPoint);
        int port = via.Port != 0 ? via.Port : 5060;
        return new SipDestination(source.Transport, new IPEndPoint(source.RemoteEndPoint.Address, port));
    }

    private ISipTransportListener? FindListener(SipTransportKind kind, AddressFamily family)
    {
        ISipTransportListener? fallback = null;
        foreach (var listener in _listeners)
        {
            if (listener.Kind != kind) continue;
            var localFamily = listener.LocalEndPoint.AddressFamily;
            if (localFamily == family) return listener;
            if (localFamily == AddressFamily.InterNetworkV6 && listener.LocalEndPoint.Address.Equals(IPAddress.IPv6Any)) fallback = listener;
        }
        return fallback;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners) await listener.DisposeAsync();
    }
}
