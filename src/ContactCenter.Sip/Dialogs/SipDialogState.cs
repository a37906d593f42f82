namespace ContactCenter.Sip.Dialogs;

/// <summary>RFC 3261 §12: a dialog made by a provisional response is early, by a 2xx confirmed; BYE (or a failure) ends it.</summary>
public enum SipDialogState : byte
{
    Early,
    Confirmed,
    Terminated,
}
