namespace ContactCenter.Media.Sdp;

/// <summary>An offer of ours awaiting its answer: what we offered, in terms the answer is checked against.</summary>
internal sealed record PendingOffer(
    SessionDescription Offer,
    int AudioIndex,
    IReadOnlyList<NegotiatedCodec> Codecs,
    IReadOnlyList<NegotiatedCodec> TelephoneEvents,
    SdpDirection Direction);
