namespace ContactCenter.Sip.Dialogs;

/// <summary>What <see cref="SipDialog.CheckIncomingRequest"/> decided about a request inside the dialog (RFC 3261 §12.2.2).</summary>
public enum DialogRequestVerdict : byte
{
    /// <summary>In order: processed, the remote CSeq moved to it.</summary>
    Accept,

    /// <summary>A CSeq lower than the last one seen: answer 500 Server Internal Error.</summary>
    OutOfOrder,

    /// <summary>The dialog has ended: answer 481 Call/Transaction Does Not Exist.</summary>
    DialogTerminated,
}
