using System.Buffers;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.SdpTestHelpers;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpWriterTests
{
    private static SessionDescription Minimal(string? sessionName = "-", IReadOnlyList<MediaDescription>? media = null) => new()
    {
        Origin = new SdpOrigin("-", "42", 7, "IN", "IP4", "192.0.2.1"),
        SessionName = sessionName,
        Connection = new SdpConnection("IN", "IP4", "192.0.2.1"),
        Media = media ?? [],
    };

    [Fact]
    public void A_description_built_in_code_is_written_in_RFC_order_with_CRLF()
    {
        var sdp = Minimal(media:
        [
            new MediaDescription
            {
                MediaType = "audio",
                Port = 4000,
                Protocol = "RTP/AVP",
                Formats = ["0", "101"],
                Attributes =
                [
                    SdpAttribute.RtpMap(0, "PCMU", 8000), SdpAttribute.RtpMap(101, "telephone-event", 8000),
                    SdpAttribute.Fmtp("101", "0-16"), SdpAttribute.PacketTime(20), SdpAttribute.Rtcp(4005),
                    SdpAttribute.Flag("rtcp-mux"), SdpAttribute.Direction(SdpDirection.SendOnly),
                ],
            },
        ]);

        Assert.Equal(
            "v=0\r\no=- 42 7 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=rtcp:4005\r\na=rtcp-mux\r\na=sendonly\r\n",
            Text(sdp));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_session_name_is_written_as_a_dash(string? name) =>
        Assert.Contains("\r\ns=-\r\n", Text(Minimal(name)));

    [Fact]
    public void Writes_into_a_caller_buffer_and_ToString_matches()
    {
        var sdp = ParseVector(SdpVectors.YealinkOffer);
        var buffer = new ArrayBufferWriter<byte>(16);

        SdpWriter.Write(sdp, buffer);

        Assert.Equal(SdpVectors.Crlf(SdpVectors.YealinkOffer), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(SdpVectors.Crlf(SdpVectors.YealinkOffer), sdp.ToString());
    }

    [Fact]
    public void Line_breaks_smuggled_into_values_are_refused_not_written()
    {
        Assert.Throws<ArgumentException>(() => SdpWriter.ToArray(Minimal("x\r\nm=video 9 RTP/AVP 0")));
        Assert.Throws<ArgumentException>(() => SdpWriter.ToArray(new SessionDescription { Origin = new SdpOrigin("a b", "1", 1, "IN", "IP4", "192.0.2.1") }));
        Assert.Throws<ArgumentException>(() => SdpWriter.ToArray(new SessionDescription
        {
            Origin = Minimal().Origin,
            Attributes = [new SdpAttribute("x", "a\nb")],
        }));
        Assert.Throws<ArgumentException>(() => SdpWriter.ToArray(new SessionDescription
        {
            Origin = Minimal().Origin,
            Attributes = [new SdpAttribute("bad name", null)],
        }));
        Assert.Throws<ArgumentException>(() => SdpWriter.ToArray(Minimal(media:
            [new MediaDescription { MediaType = "audio", Port = 1, Protocol = "RTP/AVP", Formats = ["0 8"] }])));
    }
}
