namespace ContactCenter.Server.SipDirectory;

public enum SipListenTransport
{
    Udp,
    Tcp,
}
