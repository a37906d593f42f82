using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// One dialog (RFC 3261 §12) on either side: its id, the local and remote URI, the remote target, the route set, the
/// CSeq counters and the state. Created by <see cref="TryCreateUas(SipMessage, string, string, string, SipDialogState, out SipDialog?, out DialogCreationError)"/>
/// or <see cref="TryCreateUac"/>; builds the requests sent inside it and checks the ones received. Thread-safe: a
/// call's serialized unit drives it while a receive loop may look it up.
/// </summary>
public sealed partial class SipDialog
{
    private const uint MaxCSeq = int.MaxValue; // §8.1.1.5: below 2^31

    private readonly Lock _gate = new();
    private readonly string _localAddress;  // From (UAC) or To (UAS) value with our tag: From of our requests
    private readonly string _remoteAddress; // the peer's address with its tag: To of our requests
    private readonly string _localVia;
    private DialogRoute[] _routeSet;
    private string _remoteTarget;
    private uint _localCSeq;
    private bool _hasLocalCSeq;
    private uint _remoteCSeq;
    private bool _hasRemoteCSeq;
    private SipDialogState _state;

    private SipDialog(SipDialogRole role, SipDialogId id, string localAddress, string remoteAddress, string localContact,
        string localVia, DialogRoute[] routeSet, string remoteTarget, bool secure, SipDialogState state)
    {
        Role = role;
        Id = id;
        _localAddress = localAddress;
        _remoteAddress = remoteAddress;
        LocalUri = DialogHeaderReader.UriOf(localAddress);
        RemoteUri = DialogHeaderReader.UriOf(remoteAddress);
        LocalContact = localContact;
        _localVia = localVia;
        _routeSet = routeSet;
        _remoteTarget = remoteTarget;
        IsSecure = secure;
        _state = state;
    }

    public SipDialogRole Role { get; }

    public SipDialogId Id { get; }

    public string CallId => Id.CallId;

    public string LocalTag => Id.LocalTag;

    public string RemoteTag => Id.RemoteTag;

    public string LocalUri { get; }

    public string RemoteUri { get; }

    /// <summary>Our Contact header value (name-addr), sent in target refresh requests.</summary>
    public string LocalContact { get; }

    /// <summary>The peer's Contact URI: the Request-URI of our requests (unless a strict router is first in the route set).</summary>
    public string RemoteTarget
    {
        get { lock (_gate) return _remoteTarget; }
    }

    /// <summary>The route set, first hop first (Record-Route reversed on the UAC side, as received on the UAS side).</summary>
    public IReadOnlyList<DialogRoute> RouteSet
    {
        get { lock (_gate) return _routeSet; }
    }

    /// <summary>The CSeq of the last request we sent in the dialog; null while empty (a UAS that has sent nothing).</summary>
    public uint? LocalCSeq
    {
        get { lock (_gate) return _hasLocalCSeq ? _localCSeq : null; }
    }

    /// <summary>The highest CSeq received from the peer; null while empty (a UAC that has received no request).</summary>
    public uint? RemoteCSeq
    {
        get { lock (_gate) return _hasRemoteCSeq ? _remoteCSeq : null; }
    }

    /// <summary>True when the dialog-creating request went to a sips URI (§12.1.1): every request in it must stay on TLS.</summary>
    public bool IsSecure { get; }

    /// <summary>The UAC of the initial INVITE made the Call-ID: it retries glare later (§14.1).</summary>
    public bool OwnsCallId => Role == SipDialogRole.Uac;

    public SipDialogState State
    {
        get { lock (_gate) return _state; }
    }

    /// <summary>Pending INVITE and UPDATE exchanges, for glare (§14, RFC 3311 §5).</summary>
    public DialogOfferGuard Offers { get; } = new();

    /// <summary>Raised once, outside any lock, when the dialog ends; <see cref="SipDialogTable"/> removes it then.</summary>
    public event Action<SipDialog>? Terminated;

    /// <summary>
    /// The UAS side (§12.1.1) from the dialog-creating request and what our response carries: the To tag we chose, our
    /// Contact and Via sent-by. <paramref name="state"/> is Early for a 101-199 response, Confirmed for a 2xx.
    /// </summary>
    /// <param name="localVia">Our sent-protocol and sent-by for requests we send, e.g. "SIP/2.0/UDP 192.0.2.1:5060".</param>
    public static bool TryCreateUas(SipMessage request, string localTag, string localContact, string localVia, SipDialogState state,
        out SipDialog? dialog, out DialogCreationError error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(localTag);
        ArgumentException.ThrowIfNullOrEmpty(localContact);
        ArgumentException.ThrowIfNullOrEmpty(localVia);
        if (state == SipDialogState.Terminated) throw new ArgumentOutOfRangeException(nameof(state), "A dialog starts early or confirmed.");
        if (!request.IsRequest) throw new ArgumentException("Not a request.", nameof(request));
        dialog = null;
        if (!DialogHeaderReader.TryReadContactUri(request, out var remoteTarget))
            return Fail(out error, DialogCreationError.MissingOrInvalidContact);
        if (!DialogHeaderReader.TryReadRecordRoute(request, reverse: false, out var routes))
            return Fail(out error, DialogCreationError.InvalidRecordRoute);
        var id = new SipDialogId(request.CallIdString, localTag, Encoding.UTF8.GetString(request.FromTag.Span));
        var local = DialogHeaderReader.HeaderText(request, HeaderId.To) + ";tag=" + localTag;
        var remote = DialogHeaderReader.HeaderText(request, HeaderId.From);
        bool secure = DialogHeaderReader.IsSipsUri(request.RequestUriBytes);
        dialog = new SipDialog(SipDialogRole.Uas, id, local, remote, localContact, localVia, routes, remoteTarget, secure, state)
        {
            _remoteCSeq = request.CSeq,
            _hasRemoteCSeq = true,
        };
        error = DialogCreationError.None;
        return true;
    }

    /// <summary>
    /// The UAS side from the request and the response we built for it (a 101-199 or 2xx with our To tag and Contact).
    /// </summary>
    public static bool TryCreateUas(SipMessage request, SipMessage response, string localVia, out SipDialog? dialog, out DialogCreationError error)
    {
        ArgumentNullException.ThrowIfNull(response);
        dialog = null;
        if (!response.IsResponse || !response.HasToTag || response.StatusCode is <= 100 or >= 300)
            return Fail(out error, DialogCreationError.NotDialogCreating);
        if (!response.CallId.Span.SequenceEqual(request.CallId.Span) || response.CSeq != request.CSeq)
            return Fail(out error, DialogCreationError.MismatchedResponse);
        var contact = DialogHeaderReader.HeaderText(response, HeaderId.Contact);
        if (contact.Length == 0) return Fail(out error, DialogCreationError.MissingOrInvalidContact);
        var state = response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed;
        return TryCreateUas(request, Encoding.UTF8.GetString(response.ToTag.Span), contact, localVia, state, out dialog, out error);
    }

    /// <summary>
    /// The UAC side (§12.1.2) from the request we sent and a response with a To tag: a 101-199 makes an early dialog, a
    /// 2xx a confirmed one. Each fork's To tag makes its own dialog (§12.1: see <see cref="InviteForkSet"/>).
    /// </summary>
    public static bool TryCreateUac(SipMessage request, SipMessage response, out SipDialog? dialog, out DialogCreationError error)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (!request.IsRequest) throw new ArgumentException("Not a request.", nameof(request));
        dialog = null;
        if (!response.IsResponse || !response.HasToTag || response.StatusCode is <= 100 or >= 300)
            return Fail(out error, DialogCreationError.NotDialogCreating);
        if (!response.CallId.Span.SequenceEqual(request.CallId.Span) || !response.FromTag.Span.SequenceEqual(request.FromTag.Span) ||
            response.CSeq != request.CSeq)
            return Fail(out error, DialogCreationError.MismatchedResponse);
        if (!DialogHeaderReader.TryReadContactUri(response, out var remoteTarget))
            return Fail(out error, DialogCreationError.MissingOrInvalidContact);
        if (!DialogHeaderReader.TryReadRecordRoute(response, reverse: true, out var routes))
            return Fail(out error, DialogCreationError.InvalidRecordRoute);
        var id = new SipDialogId(request.CallIdString, Encoding.UTF8.GetString(request.FromTag.Span), Encoding.UTF8.GetString(response.ToTag.Span));
        var local = DialogHeaderReader.HeaderText(request, HeaderId.From);
        var remote = DialogHeaderReader.HeaderText(response, HeaderId.To);
        var state = response.StatusCode < 200 ? SipDialogState.Early : SipDialogState.Confirmed;
        dialog = new SipDialog(SipDialogRole.Uac, id, local, remote, DialogHeaderReader.HeaderText(request, HeaderId.Contact),
            DialogHeaderReader.SentByOf(request), routes, remoteTarget, DialogHeaderReader.IsSipsUri(request.RequestUriBytes), state)
        {
            _localCSeq = request.CSeq,
            _hasLocalCSeq = true,
        };
        error = DialogCreationError.None;
        return true;
    }

    /// <summary>The UAS sent its 2xx: an early dialog becomes confirmed. False when it had already ended.</summary>
    public bool Confirm()
    {
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated) return false;
            _state = SipDialogState.Confirmed;
            return true;
        }
    }

    /// <summary>Ends the dialog (BYE sent or received, a non-2xx final response to the INVITE, a 481). Idempotent.</summary>
    public void Terminate()
    {
        InviteSuccessRetransmitter? awaiting;
        lock (_gate)
        {
            if (_state == SipDialogState.Terminated) return;
            _state = SipDialogState.Terminated;
            awaiting = _awaitingAck;
            _awaitingAck = null;
        }
        awaiting?.Dispose();
        Terminated?.Invoke(this);
    }

    public override string ToString() => $"{Role} dialog {Id} ({State})";

    private static bool Fail(out DialogCreationError error, DialogCreationError reason)
    {
        error = reason;
        return false;
    }
}
