using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The agreed audio stream, in the terms the media engine needs: where to send RTP and RTCP, which codec and payload
/// types to send with, which payload types to expect, the packet time, and which directions are allowed.
/// Produced by <see cref="SdpNegotiator"/>; a plain immutable value.
/// </summary>
public sealed record NegotiatedMedia
{
    /// <summary>Index of the audio <c>m=</c> line in the descriptions.</summary>
    public required int MediaIndex { get; init; }

    /// <summary>
    /// Where to send RTP, as the remote's description gives it; null when the remote gave <c>0.0.0.0</c> (legacy
    /// hold, RFC 2543). Symmetric-RTP latching may later override it; that is the RTP layer's decision.
    /// </summary>
    public required IPEndPoint? RemoteRtp { get; init; }

    /// <summary>Where to send RTCP: <c>a=rtcp</c> when present (RFC 3605), the RTP endpoint with rtcp-mux, else RTP port + 1.</summary>
    public required IPEndPoint? RemoteRtcp { get; init; }

    /// <summary>RTP and RTCP share our port and the remote's (RFC 5761): both sides asked for it.</summary>
    public bool RtcpMux { get; init; }

    /// <summary>The codec and payload type we send with: the first common codec in the offer's order (see <see cref="SdpNegotiator"/>).</summary>
    public required NegotiatedCodec Codec { get; init; }

    /// <summary>The payload type we send telephone-events with, or null when the remote does not accept them.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>
    /// Every codec the remote may send to us, with the payload type it will use (usually the same numbers as
    /// <see cref="Codec"/>; they differ only when an answer renumbered a dynamic type, RFC 4317 §2.3).
    /// </summary>
    public required IReadOnlyList<NegotiatedCodec> ReceiveCodecs { get; init; }

    /// <summary>The payload type the remote sends telephone-events with, or null.</summary>
    public int? ReceiveTelephoneEventPayloadType { get; init; }

    /// <summary>Milliseconds of audio per packet we send.</summary>
    public required int PacketTime { get; init; }

    /// <summary>Our direction for this stream (what we may do, after both sides' wishes).</summary>
    public required SdpDirection Direction { get; init; }

    /// <summary>
    /// The remote has put the stream on hold: its description says it will not receive (<c>sendonly</c>,
    /// <c>inactive</c>, or a <c>0.0.0.0</c> connection address). An RTP inactivity timer should not run.
    /// </summary>
    public bool RemoteHold { get; init; }

    /// <summary>Whether we may send RTP.</summary>
    public bool CanSend => Direction.AllowsSend();

    /// <summary>Whether we should expect RTP.</summary>
    public bool CanReceive => Direction.AllowsReceive();
}
