using System.Diagnostics;
using System.Text;
using ContactCenter.Media.Sdp;
using CsCheck;
using static ContactCenter.Media.Tests.Sdp.NegotiationFixture;

namespace ContactCenter.Media.Tests.Sdp;

/// <summary>Hostile descriptions: random bytes, grammar soup, size and count limits, huge numbers. Never an exception, always bounded.</summary>
public class SdpHostileInputTests
{
    private static readonly string[] Lines =
    [
        "v=0", "v=1", "o=- 1 1 IN IP4 192.0.2.1", "o=", "s=", "s= ", "c=IN IP4 192.0.2.1", "c=IN IP4 0.0.0.0", "c=IN IP6 ::1",
        "c=IN IP4 224.2.1.1/127/3", "t=0 0", "r=7d 1h 0 25h", "b=AS:64", "m=audio 4000 RTP/AVP 0 8 101", "m=video 0 RTP/AVP 31",
        "m=audio 4000 RTP/SAVP 0", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16",
        "a=sendonly", "a=inactive", "a=rtcp:4001 IN IP4 192.0.2.2", "a=rtcp-mux", "a=ptime:20.5", "a=mid:0", "a=ssrc:1 cname:x",
    ];

    private static readonly string[] Junk =
    [
        "\r\n", "\n", "\r", " ", "\t", "=", ":", "/", "0", "99999999999999999999999", "-1", "é", "\0", "\u00ff", "a=", "m=", "x=y",
    ];

    private static readonly Gen<string> Fragment = Gen.Frequency((8, Gen.OneOf<string>(Lines)), (1, Gen.OneOf<string>(Junk)));

    private static void NeverThrows(byte[] bytes)
    {
        var result = SdpParser.Parse(bytes);
        Assert.Equal(result.IsSuccess, result.Error == SdpParseError.None);
        if (result.IsSuccess)
        {
            var written = SdpWriter.ToArray(result.Description!);
            Assert.True(SdpParser.Parse(written).IsSuccess);
            foreach (var media in result.Description!.Media)
            {
                _ = (media.RtpMaps, media.FormatParameters, media.Ssrcs, media.Rtcp, media.PacketTime, media.MaxPacketTime, media.Direction);
            }
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(result.Message));
        }

        var negotiation = Negotiator().AnswerOffer(bytes);
        Assert.Equal(negotiation.IsSuccess, negotiation.Error == SdpNegotiationError.None);
        var answering = Negotiator();
        answering.CreateOffer();
        _ = answering.ProcessAnswer(bytes);
    }

    [Fact]
    public void Random_bytes_never_throw() => Gen.Byte.Array[0, 600].Sample(NeverThrows, iter: 20_000);

    [Fact]
    public void Random_lines_of_grammar_fragments_never_throw_and_what_parses_writes_back_stably()
    {
        int parsedCount = 0;
        int agreedCount = 0;
        Gen.Select(Fragment.Array[0, 40], Gen.OneOf("\r\n", "\n"))
            .Select((parts, end) => Encoding.UTF8.GetBytes("v=0" + end + "o=- 1 1 IN IP4 192.0.2.1" + end + string.Join(end, parts)))
            .Sample(bytes =>
            {
                NeverThrows(bytes);
                var parsed = SdpParser.Parse(bytes);
                if (!parsed.IsSuccess) return;
                Interlocked.Increment(ref parsedCount);
                var once = SdpWriter.ToArray(parsed.Description!);
                Assert.Equal(once, SdpWriter.ToArray(SdpParser.Parse(once).Description!));
                if (Negotiator().AnswerOffer(parsed.Description!).IsSuccess) Interlocked.Increment(ref agreedCount);
            }, iter: 20_000);

        // The soup must reach the interesting paths, or this test proves nothing.
        Assert.True(parsedCount > 200, $"only {parsedCount} descriptions parsed");
        Assert.True(agreedCount > 20, $"only {agreedCount} offers were agreed");
    }

    [Fact]
    public void A_one_megabyte_description_is_refused_before_it_is_read()
    {
        var huge = Encoding.ASCII.GetBytes("v=0\r\n" + string.Concat(Enumerable.Repeat("a=x-padding:0123456789abcdef\r\n", 40_000)));
        Assert.True(huge.Length > 1_000_000);

        var watch = Stopwatch.StartNew();
        var result = SdpParser.Parse(huge);

        Assert.Equal(SdpParseError.TooLarge, result.Error);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(SdpNegotiationError.MalformedDescription, Negotiator().AnswerOffer(huge).Error);
    }

    [Fact]
    public void Ten_thousand_m_lines_are_refused()
    {
        var tenThousand = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 a\r\n" + string.Concat(Enumerable.Repeat("m=a 1 b 0\n", 10_000)));
        var compact = Encoding.ASCII.GetBytes("v=0\no=- 1 1 IN IP4 a\n" + string.Concat(Enumerable.Repeat("m=a 1 b\n", 5_000)));
        var justOver = Encoding.ASCII.GetBytes("v=0\no=- 1 1 IN IP4 a\n" + string.Concat(Enumerable.Repeat("m=audio 1 RTP/AVP 0\n", SdpLimits.MaxMediaDescriptions + 1)));
        var atLimit = Encoding.ASCII.GetBytes("v=0\no=- 1 1 IN IP4 a\n" + string.Concat(Enumerable.Repeat("m=audio 1 RTP/AVP 0\n", SdpLimits.MaxMediaDescriptions)));

        Assert.Equal(SdpParseError.TooLarge, SdpParser.Parse(tenThousand).Error);
        Assert.Equal(SdpParseError.TooManyLines, SdpParser.Parse(compact).Error);
        Assert.Equal(SdpParseError.TooManyMediaDescriptions, SdpParser.Parse(justOver).Error);
        Assert.True(SdpParser.Parse(atLimit).IsSuccess);
    }

    [Fact]
    public void Too_many_formats_on_one_line_are_refused()
    {
        string Formats(int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => (i % 128).ToString()));

        Assert.Equal(SdpParseError.TooManyFormats, ParseRaw($"v=0\r\nm=audio 1 RTP/AVP {Formats(SdpLimits.MaxFormatsPerMedia + 1)}\r\n").Error);
        Assert.True(ParseRaw($"v=0\r\no=- 1 1 IN IP4 a\r\nm=audio 1 RTP/AVP {Formats(SdpLimits.MaxFormatsPerMedia)}\r\n").IsSuccess);
    }

    [Theory]
    [InlineData("o=- 1 " + "9999999999999999999999999999999999999999999999999999999999999999 IN IP4 a", SdpParseError.InvalidOrigin)]
    [InlineData("t=99999999999999999999 0", SdpParseError.InvalidTiming)]
    [InlineData("b=AS:184467440737095516160", SdpParseError.InvalidBandwidth)]
    [InlineData("c=IN IP4 224.0.0.1/99999999999", SdpParseError.InvalidConnection)]
    [InlineData("m=audio 4000/99999999999 RTP/AVP 0", SdpParseError.InvalidMediaLine)]
    public void Huge_numbers_are_typed_errors(string line, SdpParseError expected) =>
        Assert.Equal(expected, ParseRaw($"v=0\r\n{line}\r\n").Error);

    [Fact]
    public void Huge_numbers_in_attributes_read_as_absent()
    {
        var result = Negotiator().AnswerOffer(Encoding.ASCII.GetBytes(SdpVectors.Crlf(Offer(
            "0 96", "a=rtpmap:96 PCMA/99999999999999999999", "a=ptime:1e308", "a=maxptime:99999999999999999999999999",
            "a=rtcp:99999999999999999999", "a=ssrc:99999999999999999999 cname:x"))));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(20, result.Media!.PacketTime);
        Assert.Equal(["0"], result.Answer!.Media[0].Formats);
        Assert.Equal(5005, result.Media.RemoteRtcp!.Port);
    }

    [Fact]
    public void The_worst_description_within_the_limits_parses_and_negotiates_in_bounded_time()
    {
        // One audio stream with every payload type, and rtpmap and fmtp lines for all of them many times over:
        // the most lookup work per format that the size and line limits allow.
        var builder = new StringBuilder("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n");
        builder.Append("m=audio 4000 RTP/AVP ").AppendJoin(' ', Enumerable.Range(0, 128)).Append("\r\n");
        for (int i = 0; builder.Length < SdpLimits.MaxSize - 64 && i < SdpLimits.MaxLines - 8; i++)
        {
            builder.Append(i % 2 == 0 ? $"a=rtpmap:{i % 128} X{i}/8000\r\n" : $"a=fmtp:{i % 128} p={i}\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(builder.ToString());
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 10; i++)
        {
            Assert.True(SdpParser.Parse(bytes).IsSuccess);
            Assert.Equal(SdpNegotiationError.NoCommonCodec, Negotiator(new SdpCapabilities { Codecs = [new SdpCodec("PCMU", 8000, 96)] }).AnswerOffer(bytes).Error);
        }

        Assert.True(watch.ElapsedMilliseconds < 5000, $"{watch.ElapsedMilliseconds} ms for 10 rounds");
    }

    private static SdpParseResult ParseRaw(string text) => SdpParser.Parse(Encoding.ASCII.GetBytes(text));
}
