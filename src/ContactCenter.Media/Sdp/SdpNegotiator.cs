using System.Globalization;
using System.Net;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// Offer/answer (RFC 3264) for one call leg's audio: answers the remote's offers, makes our own offers (hold,
/// resume, refresh) and checks the answers to them. One instance per leg, used from the leg's serialized work queue
/// (not thread-safe). Policies, chosen and documented here:
/// <list type="bullet">
/// <item>An answer keeps the offer's <c>m=</c> lines, count and order; the first usable audio stream (RTP/AVP, a
/// common codec, a unicast IP address) is accepted, every other stream (video, SRTP, a second audio stream) is
/// rejected with port 0.</item>
/// <item>The answer lists the codecs in common in the offer's order (RFC 3264 §6.1 lets the answerer keep the
/// offerer's preference), with the offer's payload type numbers, including telephone-event's dynamic one; we send
/// with the first of them. <see cref="SdpCapabilities.SingleCodecAnswer"/> lists only that one.</item>
/// <item>Direction follows the §6.1 table (their sendonly → our recvonly, recvonly → sendonly, inactive →
/// inactive), narrowed by the direction we want; a <c>0.0.0.0</c> connection address (RFC 2543) reads as hold.</item>
/// <item>A remote ptime we support is used, otherwise ours; a remote maxptime caps it.</item>
/// <item>Our re-offers keep every <c>m=</c> position and offer the codecs and payload numbers already agreed;
/// hold is <c>a=sendonly</c> (or inactive), never 0.0.0.0.</item>
/// <item>Every description we send carries the same <c>o=</c> line; its version goes up by one whenever the
/// description differs from the previous one we sent, and stays when it is identical (RFC 3264 §8).</item>
/// </list>
/// </summary>
public sealed partial class SdpNegotiator
{
    private const ulong InitialVersion = 1;

    private readonly SdpCapabilities _capabilities;
    private readonly IPAddress _address;
    private readonly int _rtpPort;
    private readonly int _rtcpPort;
    private readonly string _sessionId;
    private byte[]? _lastSentBytes;
    private List<MediaSlot> _slots = [];
    private int _audioIndex = -1;
    private string? _audioMid;
    private PendingOffer? _pending;

    /// <param name="capabilities">What we support; validated here (a bad configuration throws <see cref="ArgumentException"/>).</param>
    /// <param name="address">Our media address, written in <c>o=</c> and <c>c=</c>.</param>
    /// <param name="rtpPort">Our RTP port (1-65535).</param>
    /// <param name="rtcpPort">Our RTCP port when it is not <paramref name="rtpPort"/> + 1 (then <c>a=rtcp</c> is written).</param>
    /// <param name="sessionId">The <c>o=</c> session id; random when null.</param>
    public SdpNegotiator(SdpCapabilities capabilities, IPAddress address, int rtpPort, int? rtcpPort = null, ulong? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(address);
        capabilities.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(rtpPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rtpPort, ushort.MaxValue);
        int rtcp = rtcpPort ?? rtpPort + 1;
        ArgumentOutOfRangeException.ThrowIfLessThan(rtcp, 1, nameof(rtcpPort));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rtcp, ushort.MaxValue, nameof(rtcpPort));
        _capabilities = capabilities;
        _address = address;
        _rtpPort = rtpPort;
        _rtcpPort = rtcp;
        _sessionId = (sessionId ?? RandomSessionId()).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The audio stream as last agreed, or null before the first successful exchange.</summary>
    public NegotiatedMedia? Current { get; private set; }

    /// <summary>The last description we sent (offer or answer).</summary>
    public SessionDescription? LocalDescription { get; private set; }

    /// <summary>The remote's description from the last successful exchange.</summary>
    public SessionDescription? RemoteDescription { get; private set; }

    /// <summary>Whether an offer of ours awaits its answer.</summary>
    public bool HasPendingOffer => _pending is not null;

    /// <summary>Parses the remote's offer and answers it; see <see cref="AnswerOffer(SessionDescription, SdpDirection)"/>.</summary>
    public SdpNegotiationResult AnswerOffer(ReadOnlySpan<byte> offer, SdpDirection localDirection = SdpDirection.SendRecv)
    {
        var parsed = SdpParser.Parse(offer);
        return parsed.IsSuccess ? AnswerOffer(parsed.Description!, localDirection) : SdpNegotiationResult.Malformed(parsed);
    }

    /// <summary>Parses the remote's answer to our pending offer and checks it; see <see cref="ProcessAnswer(SessionDescription)"/>.</summary>
    public SdpNegotiationResult ProcessAnswer(ReadOnlySpan<byte> answer)
    {
        if (_pending is null) return NoOfferPending();
        var parsed = SdpParser.Parse(answer);
        if (parsed.IsSuccess) return ProcessAnswer(parsed.Description!);
        _pending = null;
        return SdpNegotiationResult.Malformed(parsed);
    }

    /// <summary>
    /// Forgets the pending offer (it was refused, timed out, or crossed another offer). The session stays as last
    /// agreed; the version of the next description still counts the withdrawn offer, as RFC 3264 §8 asks.
    /// </summary>
    public void CancelOffer() => _pending = null;

    private static SdpNegotiationResult NoOfferPending() =>
        SdpNegotiationResult.Failure(SdpNegotiationError.NoOfferPending, "an answer arrived but no offer is outstanding");

    /// <summary>
    /// Our description around <paramref name="media"/>, with the version rule of RFC 3264 §8: unchanged content keeps
    /// the version of the previous description we sent, anything else increments it.
    /// </summary>
    private SessionDescription Describe(IReadOnlyList<MediaDescription> media)
    {
        ulong version = LocalDescription?.Origin.SessionVersion ?? InitialVersion;
        var description = Build(version, media);
        if (_lastSentBytes is not null && !description.ToBytes().AsSpan().SequenceEqual(_lastSentBytes))
        {
            description = Build(unchecked(version + 1), media);
        }

        return description;
    }

    private SessionDescription Build(ulong version, IReadOnlyList<MediaDescription> media)
    {
        var connection = SdpConnection.For(_address);
        return new SessionDescription
        {
            Origin = new SdpOrigin(_capabilities.UserName, _sessionId, version, connection.NetworkType, connection.AddressType, connection.Address),
            SessionName = _capabilities.SessionName,
            Connection = connection,
            Timings = [SdpTiming.Unbounded],
            Media = media,
        };
    }

    /// <summary>Records <paramref name="description"/> as the last one sent.</summary>
    private void Sent(SessionDescription description)
    {
        LocalDescription = description;
        _lastSentBytes = description.ToBytes();
    }

    /// <summary>
    /// The packet time we send: the remote's <c>a=ptime</c> when we support it, else ours; never above its
    /// <c>a=maxptime</c> when one of ours fits under it.
    /// </summary>
    private int ChoosePacketTime(int? remotePacketTime, int? remoteMaxPacketTime)
    {
        var supported = _capabilities.SupportedPacketTimes;
        int chosen = remotePacketTime is int wanted && supported.Contains(wanted) ? wanted : _capabilities.PacketTime;
        if (remoteMaxPacketTime is int max && chosen > max)
        {
            int best = -1;
            foreach (int candidate in supported)
            {
                if (candidate <= max && candidate > best) best = candidate;
            }

            if (best > 0) chosen = best;
        }

        return chosen;
    }

    /// <summary>The attributes that describe our end of an accepted stream after the formats.</summary>
    private void AddTransportAttributes(List<SdpAttribute> attributes, int packetTime, bool rtcpMux, string? mid, SdpDirection direction)
    {
        attributes.Add(SdpAttribute.PacketTime(packetTime));
        if (rtcpMux) attributes.Add(SdpAttribute.Flag(SdpAttributeNames.RtcpMux));
        else if (_rtcpPort != _rtpPort + 1) attributes.Add(SdpAttribute.Rtcp(_rtcpPort));
        if (mid is not null) attributes.Add(new SdpAttribute(SdpAttributeNames.Mid, mid));
        attributes.Add(SdpAttribute.Direction(direction));
    }

    private static void AddFormat(List<string> formats, List<SdpAttribute> attributes, NegotiatedCodec codec)
    {
        formats.Add(codec.PayloadType.ToString(CultureInfo.InvariantCulture));
        attributes.Add(SdpAttribute.RtpMap(codec.PayloadType, codec.Name, codec.ClockRate, codec.Channels > 1 ? codec.Channels : null));
        if (codec.FormatParameters is not null)
        {
            attributes.Add(SdpAttribute.Fmtp(codec.PayloadType.ToString(CultureInfo.InvariantCulture), codec.FormatParameters));
        }
    }

    // RFC 4566 asks only that the session id be unique, not unpredictable: the per-thread generator (seeded from the OS)
    // costs nanoseconds where the system's cryptographic one cost a call into OpenSSL per session.
    // 62 bits: positive as a signed number too, and far from overflow when versions are derived from it.
    private static ulong RandomSessionId() => (ulong)Random.Shared.NextInt64() >> 1;
}
