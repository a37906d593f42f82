namespace ContactCenter.Telephony.Cdr;

/// <summary>Who ended the call: the calling party, the called party, or the engine (timeout, restart, error).</summary>
public enum HangupSide
{
    Caller,
    Callee,
    System,
}
