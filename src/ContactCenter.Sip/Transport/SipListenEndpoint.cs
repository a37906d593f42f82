using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>One socket to listen on. Port 0 takes a free port (tests); <see cref="SipTransportLayer"/> reports the bound one.</summary>
public sealed record SipListenEndpoint(SipTransportKind Transport, IPEndPoint EndPoint);
