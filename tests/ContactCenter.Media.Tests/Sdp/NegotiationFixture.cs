using System.Net;
using System.Text;
using ContactCenter.Media.Sdp;

namespace ContactCenter.Media.Tests.Sdp;

internal static class NegotiationFixture
{
    public static readonly IPAddress OurAddress = IPAddress.Parse("198.51.100.7");
    public const int OurPort = 40000;
    public const ulong SessionId = 1234;

    public static SdpNegotiator Negotiator(SdpCapabilities? capabilities = null, int? rtcpPort = null) =>
        new(capabilities ?? new SdpCapabilities(), OurAddress, OurPort, rtcpPort, SessionId);

    /// <summary>Answers a vector (newline form) and fails the test with the negotiator's message on error.</summary>
    public static SdpNegotiationResult Answer(SdpNegotiator negotiator, string offer, SdpDirection local = SdpDirection.SendRecv)
    {
        var result = negotiator.AnswerOffer(Encoding.UTF8.GetBytes(SdpVectors.Crlf(offer)), local);
        Assert.True(result.IsSuccess, result.ToString());
        return result;
    }

    public static SdpNegotiationResult Process(SdpNegotiator negotiator, string answer)
    {
        var result = negotiator.ProcessAnswer(Encoding.UTF8.GetBytes(SdpVectors.Crlf(answer)));
        Assert.True(result.IsSuccess, result.ToString());
        return result;
    }

    public static SdpNegotiationResult Try(SdpNegotiator negotiator, string offer, SdpDirection local = SdpDirection.SendRecv) =>
        negotiator.AnswerOffer(Encoding.UTF8.GetBytes(SdpVectors.Crlf(offer)), local);

    /// <summary>A one-stream offer from 192.0.2.50:5004 with the given m= formats and extra lines.</summary>
    public static string Offer(string formats, params string[] lines) =>
        "v=0\no=- 1 1 IN IP4 192.0.2.50\ns=-\nc=IN IP4 192.0.2.50\nt=0 0\nm=audio 5004 RTP/AVP " + formats + "\n"
        + string.Concat(lines.Select(l => l + "\n"));

    public static string Text(SessionDescription description) => Encoding.UTF8.GetString(description.ToBytes());

    /// <summary>
    /// Checks RFC 3264 §6 for an answer: one m= line per offered one, same media type and transport, a rejected
    /// stream has port 0, an accepted one lists only codecs from the offer (by rtpmap identity: the answer may
    /// renumber a dynamic type, RFC 4317 §2.3), and its direction attribute is allowed by the offer's (§6.1 table).
    /// </summary>
    public static void AssertLegalAnswer(SessionDescription offer, SessionDescription answer)
    {
        Assert.Equal(offer.Media.Count, answer.Media.Count);
        for (int i = 0; i < offer.Media.Count; i++)
        {
            var o = offer.Media[i];
            var a = answer.Media[i];
            Assert.Equal(o.MediaType, a.MediaType);
            Assert.Equal(o.Protocol, a.Protocol);
            if (o.IsRejected) Assert.True(a.IsRejected, $"m= line {i + 1} was disabled in the offer but accepted");
            if (a.IsRejected) continue;
            var offeredCodecs = o.Formats.Select(f => Codec(o, f)).ToList();
            Assert.All(a.Formats, f => Assert.Contains(Codec(a, f), offeredCodecs));
            var offered = o.EffectiveDirection(offer);
            var answered = a.EffectiveDirection(answer);
            Assert.True(!answered.AllowsSend() || offered.AllowsReceive(), $"answer sends on m= line {i + 1} but the offer does not receive");
            Assert.True(!answered.AllowsReceive() || offered.AllowsSend(), $"answer receives on m= line {i + 1} but the offer does not send");
        }
    }

    private static string Codec(MediaDescription media, string format)
    {
        if (!int.TryParse(format, out int pt)) return format;
        if (media.TryGetRtpMap(pt, out var map) || SdpStaticPayloadTypes.TryGet(pt, out map))
        {
            return $"{map.EncodingName.ToUpperInvariant()}/{map.ClockRate}/{map.EffectiveChannels}";
        }

        return format;
    }
}
