namespace ContactCenter.Events.Contracts;

/// <summary>Which way a call went (same members and order as ContactCenter.Telephony.Cdr.CallDirection).</summary>
public enum CallRecordDirection
{
    Inbound,
    Outbound,
    Internal,
}
