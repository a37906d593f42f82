namespace ContactCenter.Media.Sdp;

/// <summary>
/// Why an offer could not be answered or an answer could not be accepted. Every value means the remote's
/// description is not acceptable as it stands; the call engine turns any of them into its "not acceptable" reply.
/// </summary>
public enum SdpNegotiationError : byte
{
    /// <summary>Agreed.</summary>
    None = 0,

    /// <summary>The description did not parse; <see cref="SdpNegotiationResult.ParseError"/> says why.</summary>
    MalformedDescription,

    /// <summary>No usable audio stream: none offered, or all disabled with port 0.</summary>
    NoAudioStream,

    /// <summary>An audio stream has no codec in common with ours.</summary>
    NoCommonCodec,

    /// <summary>An audio stream uses a transport other than RTP/AVP (RTP/SAVP, UDP/TLS/RTP/SAVPF, RTP/AVPF, ...).</summary>
    UnsupportedTransport,

    /// <summary>A connection address that is not a usable IP literal: a host name, multicast, or a type mismatch.</summary>
    UnsupportedAddress,

    /// <summary>An accepted stream has no <c>c=</c> line at either level.</summary>
    MissingConnection,

    /// <summary>An answer has a different number of <c>m=</c> lines than our offer, or a re-offer has fewer than before (RFC 3264 §8).</summary>
    MediaCountMismatch,

    /// <summary>An answer's <c>m=</c> line has another media type or transport than the offer's at that position.</summary>
    MediaMismatch,

    /// <summary>An answer lists a codec our offer did not contain (RFC 3264 §6.1).</summary>
    CodecNotOffered,

    /// <summary>The answer rejected our audio stream (port 0).</summary>
    MediaRejected,

    /// <summary>An answer arrived but no offer of ours is outstanding.</summary>
    NoOfferPending,

    /// <summary>An offer arrived while ours is outstanding (offers crossed); the call engine resolves the glare.</summary>
    OfferPending,
}
