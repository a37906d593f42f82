using System.Net;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Direction, hold, RTCP, refusals and state when answering.</summary>
public class SdpAnswerRulesTests
{
    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv, false)]
    [InlineData("sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly, true)]
    [InlineData("recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly, false)]
    [InlineData("inactive", SdpDirection.SendRecv, SdpDirection.Inactive, true)]
    [InlineData("sendrecv", SdpDirection.SendOnly, SdpDirection.SendOnly, false)]
    [InlineData("sendrecv", SdpDirection.Inactive, SdpDirection.Inactive, false)]
    [InlineData("sendonly", SdpDirection.SendOnly, SdpDirection.Inactive, true)]
    [InlineData("recvonly", SdpDirection.RecvOnly, SdpDirection.Inactive, false)]
    [InlineData(null, SdpDirection.SendRecv, SdpDirection.SendRecv, false)]
    public void Direction_follows_the_RFC_3264_table_narrowed_by_ours(string? offered, SdpDirection local, SdpDirection expected, bool remoteHold)
    {
        string[] lines = offered is null ? [] : [$"a={offered}"];

        var result = Answer(Negotiator(), Offer("0", lines), local);

        Assert.Equal(expected, result.Media!.Direction);
        Assert.Equal(expected, result.Answer!.Media[0].Direction);
        Assert.Equal(remoteHold, result.Media.RemoteHold);
        Assert.Equal(expected.AllowsSend(), result.Media.CanSend);
        Assert.Equal(expected.AllowsReceive(), result.Media.CanReceive);
    }

    [Fact]
    public void A_session_level_direction_applies_when_the_stream_has_none()
    {
        var offer = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\na=sendonly\nm=audio 5004 RTP/AVP 0\n";

        var result = Answer(Negotiator(), offer);

        Assert.Equal(SdpDirection.RecvOnly, result.Media!.Direction);
        Assert.True(result.Media.RemoteHold);
    }

    [Theory]
    [InlineData("c=IN IP4 0.0.0.0", null, SdpDirection.RecvOnly)]
    [InlineData("c=IN IP4 0.0.0.0", "a=inactive", SdpDirection.Inactive)]
    [InlineData("c=IN IP4 0.0.0.0", "a=recvonly", SdpDirection.Inactive)]
    [InlineData("c=IN IP6 ::", null, SdpDirection.RecvOnly)]
    public void Legacy_hold_by_an_unspecified_address_is_recognised(string connection, string? direction, SdpDirection expected)
    {
        string[] lines = direction is null ? [connection] : [connection, direction];

        var result = Answer(Negotiator(), Offer("0", lines));

        Assert.Equal(expected, result.Media!.Direction);
        Assert.True(result.Media.RemoteHold);
        Assert.Null(result.Media.RemoteRtp);
        Assert.Null(result.Media.RemoteRtcp);
        Assert.False(result.Media.CanSend);
    }

    [Fact]
    public void Rtcp_port_comes_from_a_rtcp_or_is_the_next_port()
    {
        var portOnly = Answer(Negotiator(), Offer("0", "a=rtcp:6001"));
        var withAddress = Answer(Negotiator(), Offer("0", "a=rtcp:6001 IN IP4 203.0.113.9"));
        var implicitPort = Answer(Negotiator(), Offer("0"));
        var lastPort = Answer(Negotiator(), Offer("0").Replace("5004", "65535"));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.50"), 6001), portOnly.Media!.RemoteRtcp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 6001), withAddress.Media!.RemoteRtcp);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5005), implicitPort.Media!.RemoteRtcp);
        Assert.Null(lastPort.Media!.RemoteRtcp);
    }

    [Fact]
    public void Rtcp_mux_is_agreed_only_when_both_want_it()
    {
        var offer = Offer("0", "a=rtcp-mux");

        var agreed = Answer(Negotiator(new SdpCapabilities { RtcpMux = true }), offer);
        var declined = Answer(Negotiator(), offer);
        var notOffered = Answer(Negotiator(new SdpCapabilities { RtcpMux = true }), Offer("0"));

        Assert.True(agreed.Media!.RtcpMux);
        Assert.Equal(agreed.Media.RemoteRtp, agreed.Media.RemoteRtcp);
        Assert.True(agreed.Answer!.Media[0].RtcpMux);
        Assert.False(declined.Media!.RtcpMux);
        Assert.False(declined.Answer!.Media[0].RtcpMux);
        Assert.Equal(5005, declined.Media.RemoteRtcp!.Port);
        Assert.False(notOffered.Media!.RtcpMux);
    }

    [Fact]
    public void Our_rtcp_port_is_announced_when_it_is_not_the_next_one()
    {
        var moved = Answer(Negotiator(rtcpPort: 40010), Offer("0"));
        var usual = Answer(Negotiator(), Offer("0"));

        Assert.Equal(new SdpRtcp(40010), moved.Answer!.Media[0].Rtcp);
        Assert.Null(usual.Answer!.Media[0].Rtcp);
    }

    public static TheoryData<string, SdpNegotiationError> Refusals() => new()
    {
        { Offer("18", "a=rtpmap:18 G729/8000"), SdpNegotiationError.NoCommonCodec },
        { Offer("101", "a=rtpmap:101 telephone-event/8000"), SdpNegotiationError.NoCommonCodec },
        { Offer("96"), SdpNegotiationError.NoCommonCodec },
        { Offer("x y"), SdpNegotiationError.NoCommonCodec },
        { SdpVectors.SrtpOffer, SdpNegotiationError.UnsupportedTransport },
        { SdpVectors.WebRtcOffer, SdpNegotiationError.UnsupportedTransport },
        { Offer("0").Replace("RTP/AVP", "RTP/AVPF"), SdpNegotiationError.UnsupportedTransport },
        { Offer("0").Replace("192.0.2.50\nt=", "host.example.com\nt="), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP4 233.252.0.1/127"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP4 233.252.0.1"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP6 192.0.2.50"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=ATM NSAP 47.0091"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50", "c=IN IP4 192.0.2"), SdpNegotiationError.UnsupportedAddress },
        { Offer("0").Replace("c=IN IP4 192.0.2.50\n", ""), SdpNegotiationError.MissingConnection },
        { "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n", SdpNegotiationError.NoAudioStream },
        { "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\nm=video 5000 RTP/AVP 31\n", SdpNegotiationError.NoAudioStream },
        { Offer("0").Replace("5004", "0"), SdpNegotiationError.NoAudioStream },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Unacceptable_offers_give_a_typed_error_and_no_answer(string offer, SdpNegotiationError expected)
    {
        var negotiator = Negotiator();

        var result = Try(negotiator, offer);

        Assert.Equal(expected, result.Error);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Answer);
        Assert.Null(result.Media);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Null(negotiator.Current);
        Assert.Null(negotiator.LocalDescription);
    }

    [Fact]
    public void The_first_audio_streams_reason_is_reported()
    {
        var offer = "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\n"
            + "m=audio 5004 RTP/SAVP 0\nm=audio 5006 RTP/AVP 18\n";

        var result = Try(Negotiator(), offer);

        Assert.Equal(SdpNegotiationError.UnsupportedTransport, result.Error);
        Assert.StartsWith("m= line 1:", result.Message);
    }

    [Fact]
    public void No_common_codec_message_lists_both_sides()
    {
        var result = Try(Negotiator(), Offer("18", "a=rtpmap:18 G729/8000"));

        Assert.Contains("G729/8000 (18)", result.Message);
        Assert.Contains("PCMU/8000", result.Message);
    }

    [Fact]
    public void Malformed_bytes_give_the_parsers_reason()
    {
        var result = Negotiator().AnswerOffer("v=0\r\nm=audio 99999 RTP/AVP 0\r\n"u8);

        Assert.Equal(SdpNegotiationError.MalformedDescription, result.Error);
        Assert.Equal(SdpParseError.InvalidMediaLine, result.ParseError);
        Assert.Contains("99999", result.Message);
    }

    [Fact]
    public void A_refused_re_offer_leaves_the_session_as_it_was()
    {
        var negotiator = Negotiator();
        var first = Answer(negotiator, SdpVectors.YealinkOffer);

        var refused = Try(negotiator, SdpVectors.SrtpOffer);

        Assert.Equal(SdpNegotiationError.UnsupportedTransport, refused.Error);
        Assert.Same(first.Media, negotiator.Current);
        Assert.Same(first.Answer, negotiator.LocalDescription);
    }

    [Fact]
    public void A_re_offer_with_fewer_m_lines_than_the_session_is_refused()
    {
        var negotiator = Negotiator();
        Answer(negotiator, "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\nm=audio 5004 RTP/AVP 0\nm=video 5010 RTP/AVP 31\n");

        var result = Try(negotiator, Offer("0"));

        Assert.Equal(SdpNegotiationError.MediaCountMismatch, result.Error);
    }

    [Fact]
    public void An_offer_crossing_ours_is_refused_as_glare_and_ours_stays_pending()
    {
        var negotiator = Negotiator();
        negotiator.CreateOffer();

        var result = Try(negotiator, SdpVectors.YealinkOffer);

        Assert.Equal(SdpNegotiationError.OfferPending, result.Error);
        Assert.True(negotiator.HasPendingOffer);
    }
}
