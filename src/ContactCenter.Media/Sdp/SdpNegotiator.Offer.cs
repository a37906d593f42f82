using System.Globalization;

namespace ContactCenter.Media.Sdp;

/// <summary>Our own offers (RFC 3264 §5, §8) and the answers to them (§7).</summary>
public sealed partial class SdpNegotiator
{
    /// <summary>
    /// Makes an offer: the initial one for an outgoing call, or a re-offer to hold (<see cref="SdpDirection.SendOnly"/>
    /// or <see cref="SdpDirection.Inactive"/>), resume (<see cref="SdpDirection.SendRecv"/>) or refresh. The first
    /// offer lists our codecs in preference order; re-offers repeat every <c>m=</c> position and the codecs and
    /// payload numbers already agreed. Feed the answer to <see cref="ProcessAnswer(SessionDescription)"/>, or call
    /// <see cref="CancelOffer"/> if none comes.
    /// </summary>
    /// <exception cref="InvalidOperationException">An offer is already outstanding.</exception>
    public SessionDescription CreateOffer(SdpDirection direction = SdpDirection.SendRecv)
    {
        if (_pending is not null) throw new InvalidOperationException("An offer is already outstanding: process its answer or cancel it first.");

        var (codecs, events) = Current is { } current ? AgreedFormats(current) : _capabilities.InitialFormats();
        var formats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in codecs) AddFormat(formats, attributes, codec);
        foreach (var te in events) AddFormat(formats, attributes, te);
        AddTransportAttributes(attributes, Current?.PacketTime ?? _capabilities.PacketTime, _capabilities.RtcpMux, _audioMid, direction);
        var audio = new MediaDescription
        {
            MediaType = SdpMediaTypes.Audio,
            Port = _rtpPort,
            Protocol = SdpMediaTypes.RtpAvp,
            Formats = formats,
            Attributes = attributes,
        };

        int audioIndex = _slots.Count == 0 ? 0 : _audioIndex;
        var media = new List<MediaDescription>(Math.Max(_slots.Count, 1));
        if (_slots.Count == 0) media.Add(audio);
        for (int i = 0; i < _slots.Count; i++) media.Add(i == audioIndex ? audio : _slots[i].Disabled());

        var offer = Describe(media);
        Sent(offer);
        _pending = new PendingOffer(offer, audioIndex, codecs, events, direction);
        return offer;
    }

    /// <summary>
    /// Checks the remote's <paramref name="answer"/> against our pending offer: same <c>m=</c> count, types and
    /// transports; only codecs we offered. On success the agreed media become <see cref="Current"/>; either way
    /// the offer is no longer pending.
    /// </summary>
    public SdpNegotiationResult ProcessAnswer(SessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (_pending is not { } pending) return NoOfferPending();
        _pending = null;

        var offered = pending.Offer.Media;
        if (answer.Media.Count != offered.Count)
        {
            return SdpNegotiationResult.Failure(
                SdpNegotiationError.MediaCountMismatch, $"the answer has {answer.Media.Count} m= lines; the offer had {offered.Count}");
        }

        for (int i = 0; i < offered.Count; i++)
        {
            if (!answer.Media[i].MediaType.Equals(offered[i].MediaType, StringComparison.OrdinalIgnoreCase)
                || !answer.Media[i].Protocol.Equals(offered[i].Protocol, StringComparison.OrdinalIgnoreCase))
            {
                return SdpNegotiationResult.Failure(
                    SdpNegotiationError.MediaMismatch,
                    $"m= line {i + 1} is {answer.Media[i].MediaType} {answer.Media[i].Protocol}; the offer had {offered[i].MediaType} {offered[i].Protocol}");
            }
        }

        var audio = answer.Media[pending.AudioIndex];
        if (audio.IsRejected) return SdpNegotiationResult.Failure(SdpNegotiationError.MediaRejected, "the answer rejected the audio stream (port 0)");
        if (!RemoteTransport.TryRead(answer, audio, _capabilities.RtcpMux, out var remote, out var error, out string message))
        {
            return SdpNegotiationResult.Failure(error, message);
        }

        if (!TryMatchAnswer(pending, audio, out var send, out var receive, out var sendEvents, out var receiveEvents, out error, out message))
        {
            return SdpNegotiationResult.Failure(error, message);
        }

        bool rtcpMux = _capabilities.RtcpMux && remote.OffersRtcpMux;
        var agreed = new NegotiatedMedia
        {
            MediaIndex = pending.AudioIndex,
            RemoteRtp = remote.Rtp,
            RemoteRtcp = remote.Rtcp,
            RtcpMux = rtcpMux,
            Codec = send,
            TelephoneEventPayloadType = sendEvents,
            ReceiveCodecs = receive,
            ReceiveTelephoneEventPayloadType = receiveEvents,
            PacketTime = ChoosePacketTime(audio.PacketTime, audio.MaxPacketTime),
            Direction = pending.Direction.Intersect(remote.Direction.Reverse()),
            RemoteHold = !remote.Direction.AllowsReceive(),
        };

        Current = agreed;
        RemoteDescription = answer;
        _slots = offered.Select(MediaSlot.Of).ToList();
        _audioIndex = pending.AudioIndex;
        return SdpNegotiationResult.Success(agreed, null);
    }

    private static bool TryMatchAnswer(
        PendingOffer pending, MediaDescription audio, out NegotiatedCodec send, out List<NegotiatedCodec> receive,
        out int? sendEvents, out int? receiveEvents, out SdpNegotiationError error, out string message)
    {
        send = default;
        receive = [];
        sendEvents = null;
        receiveEvents = null;

        // An answer may leave out the rtpmap of a dynamic type it copied from the offer: fall back to ours.
        SdpRtpMap? OfferedMapping(int payloadType)
        {
            foreach (var c in pending.Codecs.Concat(pending.TelephoneEvents))
            {
                if (c.PayloadType == payloadType) return new SdpRtpMap(c.PayloadType, c.Name, c.ClockRate, c.Channels);
            }

            return null;
        }

        var answered = RemoteFormat.Resolve(audio, OfferedMapping);
        var events = new List<RemoteFormat>();
        foreach (var format in answered)
        {
            var offeredList = format.IsTelephoneEvent ? pending.TelephoneEvents : pending.Codecs;
            int match = -1;
            for (int i = 0; i < offeredList.Count && match < 0; i++)
            {
                var c = offeredList[i];
                if (format.Map.SameFormatAs(c.Name, c.ClockRate, c.Channels)) match = i;
            }

            if (match < 0)
            {
                error = SdpNegotiationError.CodecNotOffered;
                message = $"the answer lists {format}, which the offer did not contain";
                return false;
            }

            if (format.IsTelephoneEvent)
            {
                events.Add(format);
                continue;
            }

            var ours = offeredList[match];
            if (receive.Count == 0) send = ours with { PayloadType = format.PayloadType, FormatParameters = format.FormatParameters };
            if (!receive.Contains(ours)) receive.Add(ours);
        }

        if (receive.Count == 0)
        {
            error = SdpNegotiationError.NoCommonCodec;
            message = audio.Formats.Count == 0 ? "the answer lists no format" : "the answer lists no codec we offered";
            return false;
        }

        foreach (var te in events)
        {
            if (te.Map.ClockRate != send.ClockRate) continue;
            sendEvents = te.PayloadType;
            receiveEvents = pending.TelephoneEvents.First(e => e.ClockRate == te.Map.ClockRate).PayloadType;
            break;
        }

        error = SdpNegotiationError.None;
        message = "";
        return true;
    }

    /// <summary>What was agreed, with the payload numbers we receive on, so a re-offer changes nothing it need not.</summary>
    private (IReadOnlyList<NegotiatedCodec> Codecs, IReadOnlyList<NegotiatedCodec> Events) AgreedFormats(NegotiatedMedia current)
    {
        var codecs = current.ReceiveCodecs.ToList();
        var events = new List<NegotiatedCodec>();
        if (current.ReceiveTelephoneEventPayloadType is int pt && _capabilities.TelephoneEvent is { } te)
        {
            events.Add(new NegotiatedCodec(SdpTelephoneEvent.EncodingName, pt, current.Codec.ClockRate, 1, te.Events));
        }

        return (codecs, events);
    }
}
