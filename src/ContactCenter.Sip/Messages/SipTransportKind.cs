namespace ContactCenter.Sip.Messages;

public enum SipTransportKind : byte
{
    Udp,
    Tcp,
    Tls,
    Sctp,
    Ws,
    Wss,
    Other,
}
