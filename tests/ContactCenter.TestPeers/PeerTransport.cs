namespace ContactCenter.TestPeers;

/// <summary>The SIP transport a peer uses.</summary>
public enum PeerTransport
{
    Udp,
    Tcp,
}
