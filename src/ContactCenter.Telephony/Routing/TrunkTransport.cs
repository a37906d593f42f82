namespace ContactCenter.Telephony.Routing;

public enum TrunkTransport
{
    Udp,
    Tcp,
}
