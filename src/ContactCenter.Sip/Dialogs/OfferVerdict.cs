namespace ContactCenter.Sip.Dialogs;

/// <summary>What <see cref="DialogOfferGuard.BeginIncoming"/> decided for a received re-INVITE or UPDATE.</summary>
public enum OfferVerdict : byte
{
    /// <summary>Nothing pending: process it, then call <see cref="DialogOfferGuard.EndIncoming"/> on the final response.</summary>
    Accept,

    /// <summary>Our own re-INVITE/UPDATE is pending: glare, answer 491 Request Pending (§14.2, RFC 3311 §5.2).</summary>
    RequestPending,

    /// <summary>
    /// An earlier request from the peer is still unanswered: answer 500 with a Retry-After of 0-10 s (§14.2, RFC 3311 §5.2);
    /// see <see cref="GlareRetryPolicy.ServerErrorRetryAfter"/>.
    /// </summary>
    ServerErrorRetryAfter,
}
