using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>One listening socket (UDP) or listener plus its connections (TCP).</summary>
internal interface ISipTransportListener : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    IPEndPoint LocalEndPoint { get; }

    void Start();

    bool Send(ReadOnlyMemory<byte> message, SipDestination destination);
}
