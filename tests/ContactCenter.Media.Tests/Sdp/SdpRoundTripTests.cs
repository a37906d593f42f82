using System.Text;
using ContactCenter.Media.Sdp;
using static ContactCenter.Media.Tests.Sdp.SdpTestHelpers;

namespace ContactCenter.Media.Tests.Sdp;

public class SdpRoundTripTests
{
    [Theory]
    [MemberData(nameof(SdpVectors.CanonicalNames), MemberType = typeof(SdpVectors))]
    public void Real_phone_descriptions_write_back_byte_for_byte(string name)
    {
        var wire = SdpVectors.Bytes(SdpVectors.ByName(name));

        var parsed = SdpParser.Parse(wire);

        Assert.True(parsed.IsSuccess, parsed.ToString());
        Assert.Equal(Encoding.UTF8.GetString(wire), Encoding.UTF8.GetString(SdpWriter.ToArray(parsed.Description!)));
    }

    [Theory]
    [MemberData(nameof(Rfc4317Vectors.Sections), MemberType = typeof(Rfc4317Vectors))]
    public void Every_RFC_4317_description_writes_back_byte_for_byte(string section)
    {
        foreach (var text in Rfc4317Vectors.Get(section).Descriptions())
        {
            var wire = Rfc4317Vectors.Sdp(text);
            Assert.Contains("\r\ns= \r\n", wire);

            var parsed = ParseText(wire);

            Assert.Equal(" ", parsed.SessionName);
            Assert.Equal(wire, Text(parsed));
        }
    }

    [Theory]
    [InlineData("v=0\no=- 1 1 IN IP4 192.0.2.1\nm=audio 4000 RTP/AVP 0\n")]
    [InlineData("v=0\r\no=- 1 1  IN IP4 192.0.2.1  \r\ns=\r\nt=0 0\r\na=b:c \r\n\r\n")]
    [InlineData("v=0\r\nm=audio 4000 RTP/AVP\r\no=- 1 1 IN IP4 a\r\n")]
    [InlineData("v=0\r\na=x\r\nk=k\r\nz=z\r\nc=IN IP4 a\r\nb=AS:1\r\np=p\r\ne=e\r\nu=u\r\ni=i\r\ns=s\r\no=- 1 1 IN IP4 a\r\n")]
    public void Non_canonical_input_is_stable_after_one_pass(string text)
    {
        var first = SdpParser.Parse(Encoding.UTF8.GetBytes(text));
        if (!first.IsSuccess)
        {
            Assert.Equal(SdpParseError.MisplacedField, first.Error);
            return;
        }

        var once = SdpWriter.ToArray(first.Description!);
        var twice = SdpWriter.ToArray(SdpParser.Parse(once).Description!);

        Assert.Equal(Encoding.UTF8.GetString(once), Encoding.UTF8.GetString(twice));
    }

    [Fact]
    public void Attribute_with_empty_value_is_not_confused_with_a_property()
    {
        var sdp = ParseText("v=0\r\no=- 1 1 IN IP4 a\r\ns=-\r\nt=0 0\r\na=x:\r\na=y\r\n");

        Assert.Equal([new SdpAttribute("x", ""), new SdpAttribute("y", null)], sdp.Attributes);
        Assert.EndsWith("a=x:\r\na=y\r\n", Text(sdp));
    }
}
