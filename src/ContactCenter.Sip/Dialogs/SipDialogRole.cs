namespace ContactCenter.Sip.Dialogs;

/// <summary>Which side of the dialog-creating request we were: it decides the route set order and who owns the Call-ID.</summary>
public enum SipDialogRole : byte
{
    /// <summary>We sent the INVITE (or other dialog-creating request).</summary>
    Uac,

    /// <summary>We received it.</summary>
    Uas,
}
