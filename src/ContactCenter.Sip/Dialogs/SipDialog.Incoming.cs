using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

public sealed partial class SipDialog
{
    /// <summary>
    /// Checks a request received inside the dialog (§12.2.2) and records it: a CSeq lower than the remote CSeq is out of
    /// order (answer 500), anything else moves the remote CSeq up. ACK and CANCEL carry the INVITE's number and are not
    /// counted. A target refresh request (INVITE, UPDATE, SUBSCRIBE, NOTIFY) with a Contact replaces the remote target.
    /// </summary>
    public DialogRequestVerdict CheckIncomingRequest(SipMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest) throw new ArgumentException("Not a request.", nameof(request));
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated) return DialogRequestVerdict.DialogTerminated;
            if (request.Method is SipMethod.Ack or SipMethod.Cancel) return DialogRequestVerdict.Accept;
            if (_hasRemoteCSeq && request.CSeq < _remoteCSeq) return DialogRequestVerdict.OutOfOrder;
            _remoteCSeq = request.CSeq;
            _hasRemoteCSeq = true;
            if (IsTargetRefresh(request.Method) && DialogHeaderReader.TryReadContactUri(request, out var target)) _remoteTarget = target;
            return DialogRequestVerdict.Accept;
        }
    }

    /// <summary>
    /// A response to a request we sent (UAC side of that request, §12.2.1.2, §13.2.2.4):
    /// <list type="bullet">
    /// <item>for the dialog-creating INVITE while early: a further 1xx with a Contact moves the remote target; the 2xx
    /// confirms the dialog and recomputes route set and remote target from it; a 300-699 ends the dialog;</item>
    /// <item>a 2xx to a target refresh request (re-INVITE, UPDATE, …) with a Contact replaces the remote target;</item>
    /// <item>481 or 408 ends the dialog (§12.2.1.2).</item>
    /// </list>
    /// Returns the state afterwards. A response from another fork (other To tag) is not this dialog's and changes nothing.
    /// </summary>
    public SipDialogState ApplyResponse(SipMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsResponse) throw new ArgumentException("Not a response.", nameof(response));
        bool terminate = false;
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated || !BelongsToThisDialog(response)) return _state;
            int status = response.StatusCode;
            if (_state == SipDialogState.Early && response.CSeqMethod == SipMethod.Invite && Role == SipDialogRole.Uac)
            {
                if (status < 200)
                {
                    if (DialogHeaderReader.TryReadContactUri(response, out var target)) _remoteTarget = target;
                }
                else if (status < 300)
                {
                    _state = SipDialogState.Confirmed;
                    if (DialogHeaderReader.TryReadRecordRoute(response, reverse: true, out var routes)) _routeSet = routes;
                    if (DialogHeaderReader.TryReadContactUri(response, out var target)) _remoteTarget = target;
                }
                else terminate = true;
            }
            else if (status is >= 200 and < 300)
            {
                if (IsTargetRefresh(response.CSeqMethod) && DialogHeaderReader.TryReadContactUri(response, out var target)) _remoteTarget = target;
            }
            else if (status is 481 or 408) terminate = true;
            if (!terminate) return _state;
        }
        Terminate();
        return SipDialogState.Terminated;
    }

    /// <summary>Whether a method refreshes the remote target (RFC 3261 §12.2, RFC 3311 §5, RFC 6665 §4.1.2.5).</summary>
    public static bool IsTargetRefresh(SipMethod method) =>
        method is SipMethod.Invite or SipMethod.Update or SipMethod.Subscribe or SipMethod.Notify;

    // Call-ID (a word) and tags (tokens) are ASCII: compared without decoding or allocating.
    private bool BelongsToThisDialog(SipMessage response) =>
        System.Text.Ascii.Equals(response.CallId.Span, Id.CallId) &&
        (!response.HasToTag || System.Text.Ascii.Equals(response.ToTag.Span, Id.RemoteTag));
}
