using System.Net;

namespace ContactCenter.Sip.Messages;

/// <summary>Where a received message came from: the transport, the remote address, and for streams the connection.</summary>
public sealed record SipSource(SipTransportKind Transport, IPEndPoint RemoteEndPoint, IPEndPoint LocalEndPoint, long ConnectionId = 0);
