namespace ContactCenter.Telephony.Cdr;

public enum CallDirection
{
    Inbound,
    Outbound,
    Internal,
}
