namespace ContactCenter.Events.Contracts;

/// <summary>Who ended a call (same members and order as ContactCenter.Telephony.Cdr.HangupSide).</summary>
public enum CallHangupSide
{
    Caller,
    Callee,
    System,
}
