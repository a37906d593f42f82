namespace ContactCenter.Media.Sdp;

/// <summary>Answering the remote's offer (RFC 3264 §6).</summary>
public sealed partial class SdpNegotiator
{
    /// <summary>
    /// Answers the remote's <paramref name="offer"/> (an initial offer or a re-offer). On success the result holds
    /// our answer, to send, and the agreed media, which become <see cref="Current"/>. On error nothing changes.
    /// </summary>
    /// <param name="offer">The remote's offer.</param>
    /// <param name="localDirection">
    /// What we want for the stream: sendrecv normally; sendonly while we hold the remote (so a re-offer from it does
    /// not silently resume); inactive to stop both ways.
    /// </param>
    public SdpNegotiationResult AnswerOffer(SessionDescription offer, SdpDirection localDirection = SdpDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (_pending is not null)
        {
            return SdpNegotiationResult.Failure(SdpNegotiationError.OfferPending, "an offer arrived while ours awaits its answer");
        }

        if (offer.Media.Count < _slots.Count)
        {
            return SdpNegotiationResult.Failure(
                SdpNegotiationError.MediaCountMismatch,
                $"the offer has {offer.Media.Count} m= lines, fewer than the {_slots.Count} already in the session (RFC 3264 §8)");
        }

        var answerMedia = new List<MediaDescription>(offer.Media.Count);
        NegotiatedMedia? agreed = null;
        var failure = SdpNegotiationError.NoAudioStream;
        string failureMessage = "the offer has no audio stream with a non-zero port";
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var media = offer.Media[i];
            if (agreed is null && media.IsAudio && !media.IsRejected)
            {
                if (TryAcceptStream(offer, media, i, localDirection, out var accepted, out agreed, out var error, out string message))
                {
                    answerMedia.Add(accepted);
                    continue;
                }

                if (failure == SdpNegotiationError.NoAudioStream)
                {
                    failure = error;
                    failureMessage = $"m= line {i + 1}: {message}";
                }
            }

            answerMedia.Add(MediaSlot.Of(media).Disabled());
        }

        if (agreed is null) return SdpNegotiationResult.Failure(failure, failureMessage);

        var answer = Describe(answerMedia);
        Sent(answer);
        RemoteDescription = offer;
        Current = agreed;
        _slots = offer.Media.Select(MediaSlot.Of).ToList();
        _audioIndex = agreed.MediaIndex;
        _audioMid = offer.Media[agreed.MediaIndex].Mid;
        return SdpNegotiationResult.Success(agreed, answer);
    }

    private bool TryAcceptStream(
        SessionDescription offer, MediaDescription media, int index, SdpDirection localDirection,
        out MediaDescription answer, out NegotiatedMedia? agreed, out SdpNegotiationError error, out string message)
    {
        answer = null!;
        agreed = null;
        if (!media.Protocol.Equals(SdpMediaTypes.RtpAvp, StringComparison.OrdinalIgnoreCase))
        {
            error = SdpNegotiationError.UnsupportedTransport;
            message = $"transport {media.Protocol} is not supported; only {SdpMediaTypes.RtpAvp}";
            return false;
        }

        if (!RemoteTransport.TryRead(offer, media, _capabilities.RtcpMux, out var remote, out error, out message)) return false;

        var formats = RemoteFormat.Resolve(media);
        var common = new List<(RemoteFormat Format, SdpCodec Codec)>();
        foreach (var format in formats)
        {
            if (format.IsTelephoneEvent) continue;
            var codec = _capabilities.Codecs.FirstOrDefault(c => c.Matches(format.Map));
            if (codec is not null && !common.Exists(pair => pair.Codec == codec)) common.Add((format, codec));
        }

        if (common.Count == 0)
        {
            error = SdpNegotiationError.NoCommonCodec;
            message = $"no codec in common: offered [{string.Join(", ", formats)}], supported [{string.Join(", ", _capabilities.Codecs.Select(c => c.Name + "/" + c.ClockRate))}]";
            return false;
        }

        var chosen = common[0];
        RemoteFormat? events = null;
        int eventsIndex = formats.FindIndex(f => f.IsTelephoneEvent && f.Map.ClockRate == chosen.Codec.ClockRate);
        if (_capabilities.TelephoneEvent is not null && eventsIndex >= 0) events = formats[eventsIndex];
        var listed = _capabilities.SingleCodecAnswer ? common.GetRange(0, 1) : common;

        bool rtcpMux = _capabilities.RtcpMux && remote.OffersRtcpMux;
        int packetTime = ChoosePacketTime(media.PacketTime, media.MaxPacketTime);
        var direction = remote.Direction.Reverse().Intersect(localDirection);
        var receiveCodecs = listed.ConvertAll(pair => new NegotiatedCodec(
            pair.Codec.Name, pair.Format.PayloadType, pair.Codec.ClockRate, pair.Codec.Channels, pair.Codec.FormatParameters));

        var answerFormats = new List<string>();
        var attributes = new List<SdpAttribute>();
        foreach (var codec in receiveCodecs) AddFormat(answerFormats, attributes, codec);
        if (events is RemoteFormat te)
        {
            AddFormat(answerFormats, attributes, new NegotiatedCodec(
                SdpTelephoneEvent.EncodingName, te.PayloadType, te.Map.ClockRate, 1, _capabilities.TelephoneEvent!.Events));
        }

        AddTransportAttributes(attributes, packetTime, rtcpMux, media.Mid, direction);
        answer = new MediaDescription
        {
            MediaType = media.MediaType,
            Port = _rtpPort,
            Protocol = media.Protocol,
            Formats = answerFormats,
            Attributes = attributes,
        };

        agreed = new NegotiatedMedia
        {
            MediaIndex = index,
            RemoteRtp = remote.Rtp,
            RemoteRtcp = remote.Rtcp,
            RtcpMux = rtcpMux,
            Codec = new NegotiatedCodec(chosen.Codec.Name, chosen.Format.PayloadType, chosen.Codec.ClockRate, chosen.Codec.Channels, chosen.Format.FormatParameters),
            TelephoneEventPayloadType = events?.PayloadType,
            ReceiveCodecs = receiveCodecs,
            ReceiveTelephoneEventPayloadType = events?.PayloadType,
            PacketTime = packetTime,
            Direction = direction,
            RemoteHold = !remote.Direction.AllowsReceive(),
        };
        error = SdpNegotiationError.None;
        message = "";
        return true;
    }
}
