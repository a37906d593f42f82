using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.Dialogs;

public sealed partial class SipDialog
{
    private const int MaxForwards = 70;

    private uint _ackCSeq;
    private byte[]? _ack;

    /// <summary>Request-URI, Route values and next hop for the next request, from the route set and remote target now.</summary>
    public DialogRequestTarget RequestTarget
    {
        get { lock (_gate) return DialogRequestTarget.Compute(_routeSet, _remoteTarget); }
    }

    /// <summary>
    /// Builds a request inside the dialog (§12.2.1.1): Request-URI and Route from the route set, From/To with both tags,
    /// the Call-ID, the next local CSeq (1 when empty), Max-Forwards, a Via with <paramref name="branch"/> (a fresh one
    /// when null) and, for target refresh methods and REFER, our Contact. For BYE, re-INVITE, UPDATE, INFO, REFER, NOTIFY
    /// and the like; ACK is <see cref="CreateAck"/>, CANCEL comes from the INVITE's client transaction.
    /// </summary>
    /// <param name="extraHeaders">Writes further headers (Session-Expires, Event, Refer-To, …) before Content-Length.</param>
    /// <exception cref="ArgumentException">ACK, CANCEL or an unknown method.</exception>
    /// <exception cref="InvalidOperationException">The dialog has ended, or the CSeq would reach 2^31.</exception>
    public byte[] CreateRequest(SipMethod method, string? branch = null, ReadOnlySpan<byte> body = default, string? contentType = null,
        Action<SipMessageWriter>? extraHeaders = null)
    {
        if (method is SipMethod.Ack or SipMethod.Cancel or SipMethod.Unknown)
            throw new ArgumentException($"{method} is not built by CreateRequest (ACK: CreateAck; CANCEL: the INVITE's client transaction).", nameof(method));
        uint cseq;
        DialogRequestTarget target;
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated) throw new InvalidOperationException($"The dialog {Id} has ended.");
            if (_hasLocalCSeq && _localCSeq >= MaxCSeq - 1) throw new InvalidOperationException("The local CSeq would reach 2^31 (§8.1.1.5).");
            _localCSeq = _hasLocalCSeq ? _localCSeq + 1 : 1;
            _hasLocalCSeq = true;
            cseq = _localCSeq;
            target = DialogRequestTarget.Compute(_routeSet, _remoteTarget);
        }
        bool withContact = IsTargetRefresh(method) || method == SipMethod.Refer;
        return Write(method, cseq, target, branch, withContact, body, contentType, extraHeaders);
    }

    /// <summary>
    /// The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteCSeq"/> (§13.2.2.4): sent end to end, outside any
    /// transaction, with its own branch and the INVITE's CSeq number. Built once per INVITE: a retransmitted 2xx gets the
    /// same bytes again (the body and branch of the first call stay).
    /// </summary>
    public byte[] CreateAck(uint inviteCSeq, string? branch = null, ReadOnlySpan<byte> body = default, string? contentType = null)
    {
        DialogRequestTarget target;
        lock (_gate)
        {
            if (_ack is not null && _ackCSeq == inviteCSeq) return _ack;
            target = DialogRequestTarget.Compute(_routeSet, _remoteTarget);
        }
        var ack = Write(SipMethod.Ack, inviteCSeq, target, branch, withContact: false, body, contentType, null);
        lock (_gate)
        {
            if (_ack is not null && _ackCSeq == inviteCSeq) return _ack; // another thread built it first: one ACK per INVITE
            _ack = ack;
            _ackCSeq = inviteCSeq;
        }
        return ack;
    }

    private byte[] Write(SipMethod method, uint cseq, DialogRequestTarget target, string? branch, bool withContact,
        ReadOnlySpan<byte> body, string? contentType, Action<SipMessageWriter>? extraHeaders)
    {
        var writer = new SipMessageWriter(512 + body.Length);
        writer.RequestLine(method, System.Text.Encoding.UTF8.GetBytes(target.RequestUri));
        writer.BeginHeader(HeaderId.Via).Append(_localVia).Append(";branch="u8).Append(branch ?? SipIds.NewBranch()).Append(";rport"u8).EndHeader();
        writer.Header(HeaderId.MaxForwards, MaxForwards);
        foreach (var route in target.Routes) writer.Header(HeaderId.Route, route);
        writer.Header(HeaderId.From, _localAddress);
        writer.Header(HeaderId.To, _remoteAddress);
        writer.Header(HeaderId.CallId, Id.CallId);
        writer.BeginHeader(HeaderId.CSeq).Append(cseq).Append(" "u8).Append(SipMethods.NameOf(method)).EndHeader();
        if (withContact) writer.Header(HeaderId.Contact, LocalContact);
        extraHeaders?.Invoke(writer);
        return writer.Finish(body, body.IsEmpty ? null : contentType);
    }
}
