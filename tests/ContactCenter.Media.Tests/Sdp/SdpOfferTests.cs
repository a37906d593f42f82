using System.Net;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Our own offers and the answers to them.</summary>
public class SdpOfferTests
{
    private const string OurInitialOffer =
        "v=0\r\no=- 1234 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
        + "m=audio 40000 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    [Fact]
    public void The_initial_offer_lists_our_codecs_in_preference_order()
    {
        var negotiator = Negotiator();

        var offer = negotiator.CreateOffer();

        Assert.Equal(OurInitialOffer, Text(offer));
        Assert.True(negotiator.HasPendingOffer);
        Assert.Same(offer, negotiator.LocalDescription);
    }

    [Fact]
    public void Telephone_event_is_offered_once_per_clock_rate()
    {
        var capabilities = new SdpCapabilities
        {
            Codecs = [new SdpCodec("L16", 16000, 97), SdpCodec.Pcmu, new SdpCodec("opus", 48000, 102, Channels: 2)],
            TelephoneEvent = new SdpTelephoneEvent(101, "0-15"),
            RtcpMux = true,
        };

        var offer = Negotiator(capabilities).CreateOffer();

        Assert.Equal(["97", "0", "102", "101", "103", "104"], offer.Media[0].Formats);
        Assert.Equal(
            [new SdpRtpMap(97, "L16", 16000), new SdpRtpMap(0, "PCMU", 8000), new SdpRtpMap(102, "opus", 48000, 2),
             new SdpRtpMap(101, "telephone-event", 16000), new SdpRtpMap(103, "telephone-event", 8000), new SdpRtpMap(104, "telephone-event", 48000)],
            offer.Media[0].RtpMaps);
        Assert.True(offer.Media[0].RtcpMux);
    }

    [Fact]
    public void An_answer_sets_codec_telephone_event_endpoint_and_ptime()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = Process(negotiator, SdpVectors.AsteriskAnswer);
        var media = result.Media!;

        Assert.Null(result.Answer);
        Assert.False(negotiator.HasPendingOffer);
        Assert.Equal(new NegotiatedCodec("PCMU", 0, 8000), media.Codec);
        Assert.Equal([new NegotiatedCodec("PCMU", 0, 8000)], media.ReceiveCodecs);
        Assert.Equal((101, 101), (media.TelephoneEventPayloadType, media.ReceiveTelephoneEventPayloadType));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.10"), 17540), media.RemoteRtp);
        Assert.Equal(20, media.PacketTime);
        Assert.Equal(SdpDirection.SendRecv, media.Direction);
        Assert.Same(media, negotiator.Current);
    }

    [Fact]
    public void We_send_with_the_first_codec_of_the_answer()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = Process(negotiator, SdpVectors.BaresipAnswer);

        Assert.Equal(new NegotiatedCodec("PCMA", 8, 8000), result.Media!.Codec);
        Assert.Equal(["PCMA", "G722", "PCMU"], result.Media.ReceiveCodecs.Select(c => c.Name));
    }

    [Fact]
    public void Renumbered_payload_types_send_with_the_answers_numbers_and_receive_on_ours()
    {
        var negotiator = Negotiator(new SdpCapabilities { Codecs = [new SdpCodec("iLBC", 8000, 97)] });
        negotiator.CreateOffer();

        var result = Process(negotiator, Offer("99 96", "a=rtpmap:99 iLBC/8000", "a=rtpmap:96 telephone-event/8000"));

        Assert.Equal(new NegotiatedCodec("iLBC", 99, 8000), result.Media!.Codec);
        Assert.Equal([new NegotiatedCodec("iLBC", 97, 8000)], result.Media.ReceiveCodecs);
        Assert.Equal((96, 101), (result.Media.TelephoneEventPayloadType, result.Media.ReceiveTelephoneEventPayloadType));
    }

    [Fact]
    public void An_answer_may_rely_on_the_offers_rtpmap_for_a_dynamic_type()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = Process(negotiator, Offer("8 101"));

        Assert.Equal(new NegotiatedCodec("PCMA", 8, 8000), result.Media!.Codec);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
    }

    public static TheoryData<string, SdpNegotiationError> BadAnswers() => new()
    {
        { Offer("0") + "m=audio 5006 RTP/AVP 0\n", SdpNegotiationError.MediaCountMismatch },
        { Offer("0").Replace("m=audio", "m=video"), SdpNegotiationError.MediaMismatch },
        { Offer("0").Replace("RTP/AVP", "RTP/SAVP"), SdpNegotiationError.MediaMismatch },
        { Offer("0").Replace("5004", "0"), SdpNegotiationError.MediaRejected },
        { Offer("18", "a=rtpmap:18 G729/8000"), SdpNegotiationError.CodecNotOffered },
        { Offer("0 13"), SdpNegotiationError.CodecNotOffered },
        { Offer("0 96", "a=rtpmap:96 telephone-event/16000"), SdpNegotiationError.CodecNotOffered },
        { Offer("101"), SdpNegotiationError.NoCommonCodec },
        { Offer("96"), SdpNegotiationError.NoCommonCodec },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP4 host.example.com"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50\n", ""), SdpNegotiationError.MissingConnection },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public void Answers_that_do_not_match_the_offer_are_refused(string answer, SdpNegotiationError expected)
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = negotiator.ProcessAnswer(SdpVectors.Bytes(answer));

        Assert.Equal(expected, result.Error);
        Assert.Null(result.Media);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Null(negotiator.Current);
        Assert.False(negotiator.HasPendingOffer);
    }

    [Fact]
    public void An_unparseable_answer_is_malformed_and_ends_the_offer()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = negotiator.ProcessAnswer("garbage"u8);

        Assert.Equal(SdpNegotiationError.MalformedDescription, result.Error);
        Assert.Equal(SdpParseError.InvalidLine, result.ParseError);
        Assert.False(negotiator.HasPendingOffer);
    }

    [Fact]
    public void An_answer_without_an_offer_is_refused()
    {
        var negotiator = Negotiator();

        Assert.Equal(SdpNegotiationError.NoOfferPending, negotiator.ProcessAnswer(SdpVectors.Bytes(SdpVectors.AsteriskAnswer)).Error);
        Assert.Equal(SdpNegotiationError.NoOfferPending, negotiator.ProcessAnswer(SdpParser.Parse(SdpVectors.Bytes(SdpVectors.AsteriskAnswer)).Description!).Error);
    }

    [Fact]
    public void A_second_offer_while_one_is_pending_is_a_programming_error()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        Assert.Throws<InvalidOperationException>(() => negotiator.CreateOffer());
    }

    [Fact]
    public void Remote_hold_by_answer_and_by_unspecified_address()
    {
        var sendonly = Negotiator();
        sendonly.CreateOffer();
        var blackHole = Negotiator();
        blackHole.CreateOffer();

        var held = Process(sendonly, Offer("0", "a=sendonly")).Media!;
        var holed = Process(blackHole, Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP4 0.0.0.0")).Media!;

        Assert.Equal((SdpDirection.RecvOnly, true), (held.Direction, held.RemoteHold));
        Assert.Equal((SdpDirection.RecvOnly, true, null), (holed.Direction, holed.RemoteHold, holed.RemoteRtp));
    }

    [Fact]
    public void Capabilities_that_cannot_work_are_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { Codecs = [] }));
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { Codecs = [SdpCodec.Pcmu, new SdpCodec("X", 8000, 0)] }));
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { TelephoneEvent = new SdpTelephoneEvent(8) }));
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { PacketTime = 30 }));
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { UserName = "a b" }));
        Assert.Throws<ArgumentException>(() => Negotiator(new SdpCapabilities { Codecs = [new SdpCodec("telephone-event", 8000, 100)] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpNegotiator(new SdpCapabilities(), OurAddress, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SdpNegotiator(new SdpCapabilities(), OurAddress, 65535));
    }

    [Fact]
    public void Session_ids_are_random_when_not_given()
    {
        var a = new SdpNegotiator(new SdpCapabilities(), OurAddress, 40000).CreateOffer().Origin.SessionId;
        var b = new SdpNegotiator(new SdpCapabilities(), OurAddress, 40000).CreateOffer().Origin.SessionId;

        Assert.NotEqual(a, b);
        Assert.True(ulong.Parse(a) < (1UL << 62));
    }
}
