using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>What the transaction layer needs from the transports below it.</summary>
public interface ISipSender
{
    /// <summary>
    /// Queues bytes for sending; never blocks on the network. Returns false when the message cannot be sent (no
    /// transport of that kind, connection gone and cannot be opened): for a client transaction that is a transport
    /// error (RFC 3261 §17.1.4).
    /// </summary>
    bool Send(ReadOnlyMemory<byte> message, SipDestination destination);

    /// <summary>Where responses to this request go (RFC 3261 §18.2.2 with RFC 3581 rport): decided once per transaction.</summary>
    SipDestination ResponseDestination(SipMessage request);

    /// <summary>Whether the transport is reliable (TCP/TLS/WS): reliable transports skip retransmission timers.</summary>
    static bool IsReliable(SipTransportKind kind) => kind != SipTransportKind.Udp;
}
