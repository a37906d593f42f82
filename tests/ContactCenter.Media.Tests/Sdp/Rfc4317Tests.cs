using System.Net;
using System.Text;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>
/// RFC 4317's exchanges run through the negotiator, which plays Alice or Bob. The examples name hosts, which the
/// media engine does not resolve, so <see cref="Resolved"/> substitutes documentation addresses for the c= host
/// names (o= stays as written); <c>0.0.0.0</c> stays. Where our policy differs from Bob's choice in the RFC (we take
/// one audio stream and no video), the test says so and checks that our answer is still a legal RFC 3264 answer.
/// </summary>
public class Rfc4317Tests
{
    private static readonly SdpCapabilities PcmuPcmaIlbc = new()
    {
        Codecs = [SdpCodec.Pcmu, SdpCodec.Pcma, new SdpCodec("iLBC", 8000, 97)],
        TelephoneEvent = new SdpTelephoneEvent(101),
    };

    private static readonly SdpCapabilities IlbcOnly = new() { Codecs = [new SdpCodec("iLBC", 8000, 97)], TelephoneEvent = new SdpTelephoneEvent(101) };

    /// <summary>Alice's offers from RFC 4317 §3.1 and §4.1 are exactly what we write with these capabilities.</summary>
    private static readonly SdpCapabilities AliceOf31 = new() { Codecs = [SdpCodec.Pcmu, new SdpCodec("iLBC", 8000, 97)], TelephoneEvent = null };

    private static SessionDescription Resolved(string text)
    {
        var wire = Rfc4317Vectors.Sdp(text)
            .Replace("c=IN IP4 host.atlanta.example.com", "c=IN IP4 192.0.2.10")
            .Replace("c=IN IP4 host.biloxi.example.com", "c=IN IP4 198.51.100.20")
            .Replace("c=IN IP4 otherhost.biloxi.example.com", "c=IN IP4 198.51.100.21")
            .Replace("c=IN IP4 newhost.biloxi.example.com", "c=IN IP4 198.51.100.22")
            .Replace("c=IN IP4 placeholder.biloxi.example.com", "c=IN IP4 198.51.100.23")
            .Replace("c=IN IP4 mediaserver.biloxi.example.com", "c=IN IP4 198.51.100.24");
        var parsed = SdpParser.Parse(Encoding.UTF8.GetBytes(wire));
        Assert.True(parsed.IsSuccess, parsed.ToString());
        return parsed.Description!;
    }

    private static SdpNegotiationResult AnswerAsBob(SdpNegotiator bob, string offer)
    {
        var result = bob.AnswerOffer(Resolved(offer));
        Assert.True(result.IsSuccess, result.ToString());
        AssertLegalAnswer(Resolved(offer), result.Answer!);
        return result;
    }

    [Theory]
    [MemberData(nameof(Rfc4317Vectors.Sections), MemberType = typeof(Rfc4317Vectors))]
    public void Every_RFC_answer_is_legal_by_our_checker(string section)
    {
        var exchange = Rfc4317Vectors.Get(section);

        AssertLegalAnswer(Resolved(exchange.Offer), Resolved(exchange.Answer));
        if (exchange.SecondOffer is not null && section != "3.2") AssertLegalAnswer(Resolved(exchange.SecondOffer), Resolved(exchange.SecondAnswer!));
    }

    [Fact]
    public void The_checker_catches_the_flaw_in_section_3_2s_second_answer()
    {
        // "Alice responds with identical SDP to the initial offer": that answer lists PCMU, which Bob's second offer
        // no longer contains, and is sendrecv to a sendonly offer. Both break RFC 3264 §6.1; the checker has teeth.
        var exchange = Rfc4317Vectors.Get("3.2");

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertLegalAnswer(Resolved(exchange.SecondOffer!), Resolved(exchange.SecondAnswer!)));
    }

    [Theory]
    [MemberData(nameof(Rfc4317Vectors.Sections), MemberType = typeof(Rfc4317Vectors))]
    public void Every_first_offer_gets_a_legal_answer_or_a_reason(string section)
    {
        var offer = Resolved(Rfc4317Vectors.Get(section).Offer);

        var result = Negotiator(PcmuPcmaIlbc).AnswerOffer(offer);

        if (offer.Media.Count == 0)
        {
            // §5.1: an offer without media. A call with no audio is of no use to a contact center: refused.
            Assert.Equal(SdpNegotiationError.NoAudioStream, result.Error);
            return;
        }

        Assert.True(result.IsSuccess, result.ToString());
        AssertLegalAnswer(offer, result.Answer!);
        Assert.Single(result.Answer!.Media, m => !m.IsRejected);
    }

    [Fact]
    public void Section_2_1_PCMU_only_with_a_single_codec_answer_matches_Bobs_audio()
    {
        var bob = Negotiator(new SdpCapabilities { Codecs = [SdpCodec.Pcmu], SingleCodecAnswer = true });

        var result = AnswerAsBob(bob, Rfc4317Vectors.Get("2.1").Offer);

        Assert.Equal(Resolved(Rfc4317Vectors.Get("2.1").Answer).Media[0].Formats, result.Answer!.Media[0].Formats);
        Assert.True(result.Answer.Media[1].IsRejected);
    }

    [Fact]
    public void Section_2_2_two_codecs_then_narrowed_to_one_in_a_second_exchange()
    {
        var exchange = Rfc4317Vectors.Get("2.2");
        var bob = Negotiator(new SdpCapabilities { Codecs = [SdpCodec.Pcmu, SdpCodec.Pcma] });

        var first = AnswerAsBob(bob, exchange.Offer);
        var second = AnswerAsBob(bob, exchange.SecondOffer!);

        Assert.Equal(["0", "8"], first.Answer!.Media[0].Formats);
        Assert.Equal(["0"], second.Answer!.Media[0].Formats);
        Assert.Equal(51372, second.Media!.RemoteRtp!.Port);
        Assert.Equal(first.Answer.Origin.SessionVersion + 1, second.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void Section_2_3_iLBC_keeps_the_offers_number()
    {
        var result = AnswerAsBob(Negotiator(IlbcOnly), Rfc4317Vectors.Get("2.3").Offer);

        // Bob renumbered to 99 (allowed); we keep the offer's 97, as RFC 3264 §6.1 recommends.
        Assert.Equal(["97"], result.Answer!.Media[0].Formats);
        Assert.Equal(new NegotiatedCodec("iLBC", 97, 8000), result.Media!.Codec);
    }

    [Fact]
    public void Section_2_4_the_telephone_event_only_stream_is_rejected()
    {
        var result = AnswerAsBob(Negotiator(PcmuPcmaIlbc), Rfc4317Vectors.Get("2.4").Offer);

        // Bob accepted both streams; we carry one audio stream per leg, so the second is declined with port 0.
        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(["0", "97"], result.Answer.Media[0].Formats);
    }

    [Fact]
    public void Section_2_6_the_stream_without_a_common_codec_is_declined_and_the_other_taken()
    {
        var exchange = Rfc4317Vectors.Get("2.6");

        var result = AnswerAsBob(Negotiator(IlbcOnly), exchange.Offer);

        var bobs = Resolved(exchange.Answer);
        Assert.Equal(bobs.Media.Select(m => (m.Port == 0, string.Join(' ', m.Formats))), result.Answer!.Media.Select(m => (m.Port == 0, string.Join(' ', m.Formats))));
        Assert.Equal((1, 101), (result.Media!.MediaIndex, result.Media.TelephoneEventPayloadType));
    }

    [Fact]
    public void Section_3_1_Bob_holds_Alice_in_his_answer_then_resumes_with_an_offer()
    {
        var exchange = Rfc4317Vectors.Get("3.1");
        var alice = Negotiator(AliceOf31);
        var offer = alice.CreateOffer();
        Assert.Equal(
            Resolved(exchange.Offer).Media[0].Attributes.Where(a => a.Is("rtpmap")),
            offer.Media[0].Attributes.Where(a => a.Is("rtpmap")));

        var held = alice.ProcessAnswer(Resolved(exchange.Answer));
        var resumed = alice.AnswerOffer(Resolved(exchange.SecondOffer!));

        Assert.True(held.IsSuccess, held.ToString());
        Assert.Equal((SdpDirection.RecvOnly, true, 97), (held.Media!.Direction, held.Media.RemoteHold, held.Media.Codec.PayloadType));
        Assert.Equal(IPAddress.Parse("198.51.100.23"), held.Media.RemoteRtp!.Address);
        Assert.True(resumed.IsSuccess, resumed.ToString());
        Assert.Equal((SdpDirection.SendRecv, false, 49170), (resumed.Media!.Direction, resumed.Media.RemoteHold, resumed.Media.RemoteRtp!.Port));
        Assert.Equal(["97"], resumed.Answer!.Media[0].Formats);
        Assert.Equal(offer.Origin.SessionVersion + 1, resumed.Answer.Origin.SessionVersion);
    }

    [Fact]
    public void Section_3_2_Bob_holds_one_of_two_streams()
    {
        var exchange = Rfc4317Vectors.Get("3.2");
        var bob = Negotiator(PcmuPcmaIlbc);
        AnswerAsBob(bob, exchange.Offer);

        var hold = bob.CreateOffer(SdpDirection.SendOnly);
        var result = bob.ProcessAnswer(Resolved(exchange.SecondAnswer!));

        Assert.Equal((SdpDirection.SendOnly, 0), (hold.Media[0].Direction!.Value, hold.Media[1].Port));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(SdpDirection.SendOnly, result.Media!.Direction);
    }

    [Fact]
    public void Section_4_1_a_second_stream_added_by_Bob_is_declined_by_us_as_Alice()
    {
        var exchange = Rfc4317Vectors.Get("4.1");
        var alice = Negotiator(AliceOf31);
        alice.CreateOffer();
        Assert.True(alice.ProcessAnswer(Resolved(exchange.Answer)).IsSuccess);

        var result = alice.AnswerOffer(Resolved(exchange.SecondOffer!));

        Assert.True(result.IsSuccess, result.ToString());
        AssertLegalAnswer(Resolved(exchange.SecondOffer!), result.Answer!);
        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(["97"], result.Answer.Media[0].Formats);
    }

    [Fact]
    public void Section_4_3_Bob_deletes_video_which_we_never_accepted()
    {
        var exchange = Rfc4317Vectors.Get("4.3");
        var bob = Negotiator(IlbcOnly);
        AnswerAsBob(bob, exchange.Offer);

        var second = bob.CreateOffer();
        var result = bob.ProcessAnswer(Resolved(exchange.SecondAnswer!));

        Assert.Equal("m=video 0 RTP/AVP 31", Text(second).Split("\r\n").Single(l => l.StartsWith("m=video")));
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(49170, result.Media!.RemoteRtp!.Port);
    }

    [Fact]
    public void Section_5_2_an_offer_on_0_0_0_0_is_hold_until_the_address_arrives()
    {
        var exchange = Rfc4317Vectors.Get("5.2");
        var bob = Negotiator(IlbcOnly);

        var first = AnswerAsBob(bob, exchange.Offer);
        var second = AnswerAsBob(bob, exchange.SecondOffer!);

        Assert.Equal((SdpDirection.RecvOnly, true, null), (first.Media!.Direction, first.Media.RemoteHold, first.Media.RemoteRtp));
        Assert.Equal((SdpDirection.SendRecv, false), (second.Media!.Direction, second.Media.RemoteHold));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 49170), second.Media.RemoteRtp);
    }

    [Fact]
    public void Section_5_3_an_answer_on_0_0_0_0_then_an_offer_with_the_address_and_an_unchanged_answer()
    {
        var exchange = Rfc4317Vectors.Get("5.3");
        var alice = Negotiator(new SdpCapabilities { Codecs = [new SdpCodec("iLBC", 8000, 97)], TelephoneEvent = null });
        var offer = alice.CreateOffer();

        var holed = alice.ProcessAnswer(Resolved(exchange.Answer));
        var answered = alice.AnswerOffer(Resolved(exchange.SecondOffer!));

        Assert.True(holed.IsSuccess, holed.ToString());
        Assert.Equal((SdpDirection.RecvOnly, true, null), (holed.Media!.Direction, holed.Media.RemoteHold, holed.Media.RemoteRtp));
        Assert.True(answered.IsSuccess, answered.ToString());
        Assert.Equal(49172, answered.Media!.RemoteRtp!.Port);

        // As in the RFC, Alice's answer repeats her offer, so its version does not move.
        Assert.Equal(Text(offer), Text(answered.Answer!));
    }
}
