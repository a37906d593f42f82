namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The routing of a request with a To tag (<see cref="DialogMessageRouter.RouteRequest"/>): its dialog and verdict, and
/// when it must be refused, the response to send (481 no such dialog, 500 out of order).
/// </summary>
public readonly record struct InDialogRequestOutcome(SipDialog? Dialog, DialogRequestVerdict Verdict, int StatusCode, string ReasonPhrase)
{
    /// <summary>True when the request goes on to its dialog's owner; false when it is answered with <see cref="StatusCode"/>.</summary>
    public bool Accepted => Dialog is not null && Verdict == DialogRequestVerdict.Accept;
}
