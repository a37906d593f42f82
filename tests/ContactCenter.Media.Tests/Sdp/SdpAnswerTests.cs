using System.Net;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Answering offers from real phones: codec choice, payload types, telephone-event, endpoints.</summary>
public class SdpAnswerTests
{
    [Fact]
    public void Baresip_offer_gets_the_common_codecs_in_its_order_and_its_telephone_event()
    {
        var negotiator = Negotiator();

        var result = Answer(negotiator, SdpVectors.BaresipOffer);

        Assert.Equal(
            "v=0\r\no=- 1234 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
            Text(result.Answer!));
        var media = result.Media!;
        Assert.Equal(0, media.MediaIndex);
        Assert.Equal(new NegotiatedCodec("PCMU", 0, 8000), media.Codec);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(101, media.ReceiveTelephoneEventPayloadType);
        Assert.Equal(["PCMU", "PCMA", "G722"], media.ReceiveCodecs.Select(c => c.Name));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 20012), media.RemoteRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 20013), media.RemoteRtcp);
        Assert.False(media.RtcpMux);
        Assert.Equal(20, media.PacketTime);
        Assert.Equal(SdpDirection.SendRecv, media.Direction);
        Assert.True(media.CanSend && media.CanReceive);
        Assert.False(media.RemoteHold);
        Assert.Same(media, negotiator.Current);
        Assert.Same(result.Answer, negotiator.LocalDescription);
    }

    [Fact]
    public void The_offer_order_wins_over_ours_so_a_Yealink_gets_G722()
    {
        var result = Answer(Negotiator(), SdpVectors.YealinkOffer);

        Assert.Equal(["9", "0", "8", "101"], result.Answer!.Media[0].Formats);
        Assert.Equal(new NegotiatedCodec("G722", 9, 8000), result.Media!.Codec);
    }

    [Fact]
    public void Single_codec_answer_names_only_the_chosen_codec_and_telephone_event()
    {
        var result = Answer(Negotiator(new SdpCapabilities { SingleCodecAnswer = true }), SdpVectors.YealinkOffer);

        Assert.Equal(["9", "101"], result.Answer!.Media[0].Formats);
        Assert.Equal([new NegotiatedCodec("G722", 9, 8000)], result.Media!.ReceiveCodecs);
    }

    [Fact]
    public void Telephone_event_keeps_the_offers_dynamic_payload_type()
    {
        var polycom = Answer(Negotiator(), SdpVectors.PolycomOffer);

        Assert.Equal(["9", "0", "8", "127"], polycom.Answer!.Media[0].Formats);
        Assert.Equal(127, polycom.Media!.TelephoneEventPayloadType);
        Assert.Contains(new SdpAttribute("rtpmap", "127 telephone-event/8000"), polycom.Answer.Media[0].Attributes);
        Assert.Contains(new SdpAttribute("fmtp", "127 0-16"), polycom.Answer.Media[0].Attributes);
    }

    [Fact]
    public void Telephone_event_is_taken_at_the_chosen_codecs_clock_rate()
    {
        var linphone = Answer(Negotiator(), SdpVectors.LinphoneOffer);

        Assert.Equal(["0", "8", "100"], linphone.Answer!.Media[0].Formats);
        Assert.Equal(100, linphone.Media!.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.35"), 7079), linphone.Media.RemoteRtcp);
    }

    [Fact]
    public void Telephone_event_at_another_rate_only_is_left_out()
    {
        var result = Answer(Negotiator(), Offer("9 96", "a=rtpmap:9 G722/8000", "a=rtpmap:96 telephone-event/16000"));

        Assert.Equal(["9"], result.Answer!.Media[0].Formats);
        Assert.Null(result.Media!.TelephoneEventPayloadType);
    }

    [Fact]
    public void No_telephone_event_when_we_do_not_support_it_or_the_offer_lacks_it()
    {
        var disabled = Answer(Negotiator(new SdpCapabilities { TelephoneEvent = null }), SdpVectors.SippPcapOffer);
        var lacking = Answer(Negotiator(), SdpVectors.SippUacOffer);

        Assert.Equal(["8"], disabled.Answer!.Media[0].Formats);
        Assert.Null(disabled.Media!.TelephoneEventPayloadType);
        Assert.Equal(["0"], lacking.Answer!.Media[0].Formats);
        Assert.Null(lacking.Media!.ReceiveTelephoneEventPayloadType);
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_and_renamed_dynamic_ones_are_recognised()
    {
        var bare = Answer(Negotiator(), Offer("18 8 96", "a=rtpmap:18 G729/8000"));
        var dynamic = Answer(Negotiator(), Offer("96 97", "a=rtpmap:96 pcmu/8000", "a=rtpmap:97 TELEPHONE-EVENT/8000"));

        Assert.Equal(new NegotiatedCodec("PCMA", 8, 8000), bare.Media!.Codec);
        Assert.Equal(["8"], bare.Answer!.Media[0].Formats);
        Assert.Equal(new NegotiatedCodec("PCMU", 96, 8000), dynamic.Media!.Codec);
        Assert.Equal(97, dynamic.Media.TelephoneEventPayloadType);
        Assert.Contains(new SdpAttribute("rtpmap", "96 PCMU/8000"), dynamic.Answer!.Media[0].Attributes);
    }

    [Fact]
    public void Channel_count_is_part_of_a_codecs_identity()
    {
        var capabilities = new SdpCapabilities { Codecs = [new SdpCodec("L16", 16000, 98)] };

        var stereo = Try(Negotiator(capabilities), Offer("96", "a=rtpmap:96 L16/16000/2"));
        var mono = Try(Negotiator(capabilities), Offer("96", "a=rtpmap:96 L16/16000/1"));

        Assert.Equal(SdpNegotiationError.NoCommonCodec, stereo.Error);
        Assert.True(mono.IsSuccess, mono.ToString());
        Assert.Equal(new NegotiatedCodec("L16", 96, 16000), mono.Media!.Codec);
    }

    [Fact]
    public void The_senders_fmtp_is_kept_with_the_send_codec()
    {
        var capabilities = new SdpCapabilities { Codecs = [new SdpCodec("G729", 8000, 18, FormatParameters: "annexb=no")] };

        var result = Answer(Negotiator(capabilities), SdpVectors.GrandstreamOffer);

        Assert.Equal(new NegotiatedCodec("G729", 18, 8000, 1, "annexb=no"), result.Media!.Codec);
        Assert.Contains(new SdpAttribute("fmtp", "18 annexb=no"), result.Answer!.Media[0].Attributes);
    }

    [Theory]
    [InlineData(null, null, 20)]
    [InlineData(20, null, 20)]
    [InlineData(40, null, 40)]
    [InlineData(30, null, 20)]
    [InlineData(10, null, 20)]
    [InlineData(60, 40, 40)]
    [InlineData(null, 10, 20)]
    public void Packet_time_follows_the_remote_when_we_support_it(int? ptime, int? maxptime, int expected)
    {
        var lines = new List<string> { "a=rtpmap:0 PCMU/8000" };
        if (ptime is int p) lines.Add($"a=ptime:{p}");
        if (maxptime is int m) lines.Add($"a=maxptime:{m}");

        var result = Answer(Negotiator(), Offer("0", [.. lines]));

        Assert.Equal(expected, result.Media!.PacketTime);
        Assert.Equal(expected, result.Answer!.Media[0].PacketTime);
    }

    [Fact]
    public void A_second_audio_stream_and_video_are_rejected_with_port_0_in_place()
    {
        var offer = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n"
            + "m=video 5010 RTP/AVP 31\na=rtpmap:31 H261/90000\n"
            + "m=audio 5004 RTP/AVP 0\n"
            + "m=audio 5006 RTP/AVP 8\n";

        var result = Answer(Negotiator(), offer);
        var media = result.Answer!.Media;

        Assert.Equal(3, media.Count);
        Assert.Equal(("video", 0, "31"), (media[0].MediaType, media[0].Port, string.Join(' ', media[0].Formats)));
        Assert.Equal(40000, media[1].Port);
        Assert.Equal(("audio", 0, "8"), (media[2].MediaType, media[2].Port, string.Join(' ', media[2].Formats)));
        Assert.Empty(media[0].Attributes);
        Assert.Equal(1, result.Media!.MediaIndex);
        Assert.Equal(5004, result.Media.RemoteRtp!.Port);
    }

    [Fact]
    public void Srtp_audio_beside_plain_audio_is_rejected_and_the_plain_one_taken()
    {
        var offer = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n"
            + "m=audio 5004 RTP/SAVP 0\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:x\n"
            + "m=audio 5006 RTP/AVP 0\n";

        var result = Answer(Negotiator(), offer);

        Assert.Equal([0, 40000], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(1, result.Media!.MediaIndex);
    }

    [Fact]
    public void The_mid_of_the_accepted_stream_is_echoed()
    {
        var result = Answer(Negotiator(), Offer("0", "a=mid:audio1"));

        Assert.Equal("audio1", result.Answer!.Media[0].Mid);
    }

    [Fact]
    public void Media_level_connection_overrides_the_session_level_one_and_IPv6_works()
    {
        var result = Answer(Negotiator(), Offer("0", "c=IN IP6 2001:db8::5"));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::5"), 5004), result.Media!.RemoteRtp);
    }

    [Fact]
    public void Our_IPv6_address_is_written_as_IP6()
    {
        var negotiator = new SdpNegotiator(new SdpCapabilities(), IPAddress.Parse("2001:db8::7"), 40000, sessionId: 9);

        var result = negotiator.AnswerOffer(SdpVectors.Bytes(SdpVectors.SippUacOffer));

        Assert.Equal(new SdpOrigin("-", "9", 1, "IN", "IP6", "2001:db8::7"), result.Answer!.Origin);
        Assert.Equal(new SdpConnection("IN", "IP6", "2001:db8::7"), result.Answer.Connection);
    }
}
