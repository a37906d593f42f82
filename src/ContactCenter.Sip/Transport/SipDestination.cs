using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// Where to send a message: a transport, an address, and for streams the connection to reuse when it is still open
/// (0: open or reuse any connection to that address).
/// </summary>
public readonly record struct SipDestination(SipTransportKind Transport, IPEndPoint EndPoint, long ConnectionId = 0);
