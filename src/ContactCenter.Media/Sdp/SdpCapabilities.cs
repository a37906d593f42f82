namespace ContactCenter.Media.Sdp;

/// <summary>
/// What our side supports, shared by every call: codecs in our order of preference (used for our own offers; an
/// answer follows the offerer's order), telephone-event, packet times, RTCP multiplexing and the answer style.
/// Validated when a <see cref="SdpNegotiator"/> is created.
/// </summary>
public sealed class SdpCapabilities
{
    /// <summary>Codecs, most preferred first. Default: PCMU, PCMA, G.722.</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; init; } = [SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.G722];

    /// <summary>RFC 4733 telephone-event, or null to neither offer nor accept it. Default: payload type 101, events 0-16.</summary>
    public SdpTelephoneEvent? TelephoneEvent { get; init; } = new();

    /// <summary>The packet time we offer and fall back to, in milliseconds. Default 20 (one media clock tick).</summary>
    public int PacketTime { get; init; } = 20;

    /// <summary>
    /// Packet times we can send, in milliseconds: a remote <c>a=ptime</c> in this list is respected, any other gets
    /// <see cref="PacketTime"/>. Default 20, 40 and 60 (whole media clock ticks).
    /// </summary>
    public IReadOnlyList<int> SupportedPacketTimes { get; init; } = [20, 40, 60];

    /// <summary>Offer and accept RTP/RTCP multiplexing on one port (RFC 5761). Default false.</summary>
    public bool RtcpMux { get; init; }

    /// <summary>
    /// Answer with only the chosen codec (and telephone-event) instead of every codec in common. This pins the
    /// codec the remote sends, which keeps a same-codec bridge on its cheap path. Default false: list all.
    /// </summary>
    public bool SingleCodecAnswer { get; init; }

    /// <summary>The <c>o=</c> username. Default <c>-</c>.</summary>
    public string UserName { get; init; } = "-";

    /// <summary>The <c>s=</c> value. Default <c>-</c>.</summary>
    public string SessionName { get; init; } = "-";

    // Shared by every call and never changed once in use: validated once, and the formats of our initial offer are
    // worked out once (they were re-validated and rebuilt for every leg).
    private volatile bool _valid;
    private Formats? _initialFormats; // a reference, so a racing first use publishes it whole

    private sealed record Formats(IReadOnlyList<NegotiatedCodec> Codecs, IReadOnlyList<NegotiatedCodec> Events);

    /// <summary>Throws <see cref="ArgumentException"/> when the configuration cannot work (checked once; the capabilities
    /// are treated as immutable from then on).</summary>
    public void Validate()
    {
        if (_valid) return;
        if (Codecs.Count == 0) throw new ArgumentException("At least one codec is needed.", nameof(Codecs));
        var payloadTypes = new HashSet<int>();
        foreach (var codec in Codecs)
        {
            if (!SdpSyntax.IsToken(codec.Name.AsSpan())) throw new ArgumentException($"Codec name '{codec.Name}' is not a token.", nameof(Codecs));
            if (codec.ClockRate <= 0 || codec.Channels is <= 0 or > 255) throw new ArgumentException($"Codec {codec.Name} has a bad clock rate or channel count.", nameof(Codecs));
            if (codec.PayloadType is < 0 or > 127) throw new ArgumentException($"Codec {codec.Name} payload type {codec.PayloadType} is not 0-127.", nameof(Codecs));
            if (!payloadTypes.Add(codec.PayloadType)) throw new ArgumentException($"Payload type {codec.PayloadType} is used twice.", nameof(Codecs));
            if (SdpTelephoneEvent.IsTelephoneEvent(codec.Name)) throw new ArgumentException("telephone-event is configured with TelephoneEvent, not as a codec.", nameof(Codecs));
            if (codec.FormatParameters is not null && !SdpSyntax.IsLineSafe(codec.FormatParameters)) throw new ArgumentException($"Codec {codec.Name} fmtp holds a line break.", nameof(Codecs));
        }

        if (TelephoneEvent is { } events)
        {
            if (!SdpStaticPayloadTypes.IsDynamic(events.PayloadType)) throw new ArgumentException("The telephone-event payload type must be dynamic (96-127).", nameof(TelephoneEvent));
            if (payloadTypes.Contains(events.PayloadType)) throw new ArgumentException($"Payload type {events.PayloadType} is used by a codec and telephone-event.", nameof(TelephoneEvent));
            if (!SdpSyntax.IsLineSafe(events.Events) || events.Events.Length == 0) throw new ArgumentException("The telephone-event list is empty or holds a line break.", nameof(TelephoneEvent));
        }

        if (PacketTime <= 0 || !SupportedPacketTimes.Contains(PacketTime)) throw new ArgumentException("PacketTime must be positive and one of SupportedPacketTimes.", nameof(PacketTime));
        if (!SdpSyntax.IsField(UserName)) throw new ArgumentException("UserName must be a non-empty field without whitespace.", nameof(UserName));
        if (SessionName.Length == 0 || !SdpSyntax.IsLineSafe(SessionName)) throw new ArgumentException("SessionName must be non-empty text.", nameof(SessionName));
        _valid = true;
    }

    /// <summary>Our codecs in preference order, and telephone-event once per clock rate among them (RFC 4733 §2.1).</summary>
    internal (IReadOnlyList<NegotiatedCodec> Codecs, IReadOnlyList<NegotiatedCodec> Events) InitialFormats()
    {
        var formats = _initialFormats ??= BuildInitialFormats();
        return (formats.Codecs, formats.Events);
    }

    private Formats BuildInitialFormats()
    {
        NegotiatedCodec[] codecs = [.. Codecs.Select(c => new NegotiatedCodec(c.Name, c.PayloadType, c.ClockRate, c.Channels, c.FormatParameters))];
        var events = new List<NegotiatedCodec>();
        if (TelephoneEvent is not { } te) return new Formats(codecs, []);

        var used = codecs.Select(c => c.PayloadType).ToHashSet();
        int payloadType = te.PayloadType;
        foreach (int rate in codecs.Select(c => c.ClockRate).Distinct())
        {
            while (payloadType <= 127 && used.Contains(payloadType)) payloadType++;
            if (payloadType > 127) break;
            used.Add(payloadType);
            events.Add(new NegotiatedCodec(SdpTelephoneEvent.EncodingName, payloadType, rate, 1, te.Events));
        }

        return new Formats(codecs, events.ToArray());
    }
}
