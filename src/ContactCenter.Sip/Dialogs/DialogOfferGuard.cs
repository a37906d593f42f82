namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// The session-modifying exchanges (re-INVITE, or an UPDATE carrying an offer) pending on a dialog in each direction:
/// at most one at a time (§14.1: no new INVITE while one is in progress either way). Tells glare (both sides sent one:
/// 491) from a peer that overlaps its own requests (500). Thread-safe.
/// </summary>
public sealed class DialogOfferGuard
{
    private readonly Lock _gate = new();
    private bool _outgoing;
    private bool _incoming;

    public bool OutgoingPending
    {
        get { lock (_gate) return _outgoing; }
    }

    public bool IncomingPending
    {
        get { lock (_gate) return _incoming; }
    }

    /// <summary>
    /// Claims the dialog for a re-INVITE/UPDATE we are about to send. False while one is pending in either direction:
    /// wait for it to finish (or, after a 491, for <see cref="GlareRetryPolicy.RetryDelay"/>) and try again.
    /// </summary>
    public bool TryBeginOutgoing()
    {
        lock (_gate)
        {
            if (_outgoing || _incoming) return false;
            _outgoing = true;
            return true;
        }
    }

    /// <summary>Our exchange got its final response (a 491 included: the retry claims the dialog again).</summary>
    public void EndOutgoing()
    {
        lock (_gate) _outgoing = false;
    }

    /// <summary>A re-INVITE/UPDATE arrived: accept it (and mark it pending) or say how to refuse it.</summary>
    public OfferVerdict BeginIncoming()
    {
        lock (_gate)
        {
            if (_outgoing) return OfferVerdict.RequestPending;
            if (_incoming) return OfferVerdict.ServerErrorRetryAfter;
            _incoming = true;
            return OfferVerdict.Accept;
        }
    }

    /// <summary>We sent the final response to the peer's exchange.</summary>
    public void EndIncoming()
    {
        lock (_gate) _incoming = false;
    }
}
