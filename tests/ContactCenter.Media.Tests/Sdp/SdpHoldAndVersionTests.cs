using System.Net;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Hold and resume both ways, re-offers keeping the session's shape, and the o= version rule of RFC 3264 §8.</summary>
public class SdpHoldAndVersionTests
{
    [Fact]
    public void We_hold_and_resume_a_Yealink_call_with_versions_1_2_3()
    {
        var negotiator = Negotiator();
        var answer = Answer(negotiator, SdpVectors.YealinkOffer).Answer!;

        var hold = negotiator.CreateOffer(SdpDirection.SendOnly);
        var held = Process(negotiator, Offer("9 101", "a=rtpmap:9 G722/8000", "a=rtpmap:101 telephone-event/8000", "a=recvonly")).Media!;
        var resume = negotiator.CreateOffer(SdpDirection.SendRecv);
        var resumed = Process(negotiator, Offer("9 101", "a=rtpmap:101 telephone-event/8000")).Media!;

        Assert.Equal([1UL, 2UL, 3UL], new[] { answer, hold, resume }.Select(d => d.Origin.SessionVersion));
        Assert.True(hold.Origin.SameSessionAs(answer.Origin) && resume.Origin.SameSessionAs(answer.Origin));
        Assert.Equal(SdpDirection.SendOnly, hold.Media[0].Direction);
        Assert.Equal(["9", "0", "8", "101"], hold.Media[0].Formats);
        Assert.Equal((SdpDirection.SendOnly, false, false), (held.Direction, held.CanReceive, held.RemoteHold));
        Assert.Equal(SdpDirection.SendRecv, resume.Media[0].Direction);

        // The hold answer narrowed the agreed codecs to G.722; the resume offers what was agreed, nothing more.
        Assert.Equal(["9", "101"], resume.Media[0].Formats);
        Assert.Equal((SdpDirection.SendRecv, new NegotiatedCodec("G722", 9, 8000)), (resumed.Direction, resumed.Codec));
    }

    [Fact]
    public void Baresips_real_answers_to_our_offer_and_to_our_hold()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();
        var established = Process(negotiator, SdpVectors.BaresipAnswer).Media!;

        var hold = negotiator.CreateOffer(SdpDirection.SendOnly);
        var held = Process(negotiator, SdpVectors.BaresipHoldAnswer).Media!;

        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.2"), 20010), established.RemoteRtp);
        Assert.Equal(["8", "9", "0", "101"], hold.Media[0].Formats);
        Assert.Equal(2UL, hold.Origin.SessionVersion);
        Assert.Equal((SdpDirection.SendOnly, false, true, false), (held.Direction, held.CanReceive, held.CanSend, held.RemoteHold));
        Assert.Equal((new NegotiatedCodec("PCMA", 8, 8000), 101), (held.Codec, held.TelephoneEventPayloadType));
    }

    [Fact]
    public void The_remote_holds_and_resumes_us()
    {
        var negotiator = Negotiator();
        var first = Answer(negotiator, SdpVectors.YealinkOffer);

        var hold = Answer(negotiator, SdpVectors.YealinkHoldOffer);
        var resume = Answer(negotiator, SdpVectors.YealinkOffer.Replace("20068 20068", "20068 20070"));

        Assert.Equal((SdpDirection.RecvOnly, true), (hold.Media!.Direction, hold.Media.RemoteHold));
        Assert.Equal(SdpDirection.RecvOnly, hold.Answer!.Media[0].Direction);
        Assert.Equal((SdpDirection.SendRecv, false), (resume.Media!.Direction, resume.Media.RemoteHold));
        Assert.Equal([1UL, 2UL, 3UL], new[] { first.Answer!, hold.Answer, resume.Answer! }.Select(d => d.Origin.SessionVersion));
    }

    [Fact]
    public void Holding_an_already_holding_remote_makes_the_stream_inactive()
    {
        var negotiator = Negotiator();
        Answer(negotiator, SdpVectors.YealinkOffer);

        var result = Answer(negotiator, SdpVectors.YealinkHoldOffer, SdpDirection.SendOnly);

        Assert.Equal(SdpDirection.Inactive, result.Answer!.Media[0].Direction);
    }

    [Fact]
    public void An_unchanged_description_keeps_its_version()
    {
        var negotiator = Negotiator();
        var answer = Answer(negotiator, SdpVectors.YealinkOffer).Answer!;

        var refreshAnswer = Answer(negotiator, SdpVectors.YealinkOffer).Answer!;
        var refreshOffer = negotiator.CreateOffer();

        Assert.Equal(1UL, refreshAnswer.Origin.SessionVersion);
        Assert.Equal(Text(answer), Text(refreshAnswer));
        Assert.Equal(1UL, refreshOffer.Origin.SessionVersion);
        Assert.Equal(Text(answer), Text(refreshOffer));
    }

    [Fact]
    public void A_withdrawn_offer_still_counts_for_the_next_version()
    {
        var negotiator = Negotiator();
        Answer(negotiator, SdpVectors.BaresipOffer);
        var hold = negotiator.CreateOffer(SdpDirection.SendOnly);

        negotiator.CancelOffer();
        var again = negotiator.CreateOffer(SdpDirection.SendRecv);

        Assert.False(negotiator.Current!.Direction == SdpDirection.SendOnly);
        Assert.Equal((2UL, 3UL), (hold.Origin.SessionVersion, again.Origin.SessionVersion));
    }

    [Fact]
    public void Re_offers_keep_every_m_line_position_and_the_agreed_payload_numbers()
    {
        var negotiator = Negotiator();
        var offer = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n"
            + "m=video 5010 RTP/AVP 31 34\na=rtpmap:31 H261/90000\n"
            + "m=audio 5004 RTP/AVP 96 127\na=rtpmap:96 PCMA/8000\na=rtpmap:127 telephone-event/8000\na=mid:a\n";
        Answer(negotiator, offer);

        var reOffer = negotiator.CreateOffer(SdpDirection.SendOnly);

        Assert.Equal(2, reOffer.Media.Count);
        Assert.Equal(("video", 0, "31 34"), (reOffer.Media[0].MediaType, reOffer.Media[0].Port, string.Join(' ', reOffer.Media[0].Formats)));
        Assert.Equal(["96", "127"], reOffer.Media[1].Formats);
        Assert.Equal("a", reOffer.Media[1].Mid);
        Assert.Contains(new SdpAttribute("rtpmap", "96 PCMA/8000"), reOffer.Media[1].Attributes);

        var answer = "v=0\no=- 1 2 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n"
            + "m=video 0 RTP/AVP 31\nm=audio 5004 RTP/AVP 96 127\na=rtpmap:96 PCMA/8000\na=rtpmap:127 telephone-event/8000\na=recvonly\n";
        var held = Process(negotiator, answer).Media!;
        Assert.Equal((1, new NegotiatedCodec("PCMA", 96, 8000), 127), (held.MediaIndex, held.Codec, held.TelephoneEventPayloadType));
    }

    [Fact]
    public void A_re_offer_may_add_streams_which_are_rejected_in_their_new_positions()
    {
        var negotiator = Negotiator();
        Answer(negotiator, Offer("0"));

        var result = Answer(negotiator, Offer("0") + "m=video 5010 RTP/AVP 31\n");

        Assert.Equal([40000, 0], result.Answer!.Media.Select(m => m.Port));
        Assert.Equal(2UL, result.Answer.Origin.SessionVersion);
        AssertLegalAnswer(negotiator.RemoteDescription!, result.Answer);
    }
}
