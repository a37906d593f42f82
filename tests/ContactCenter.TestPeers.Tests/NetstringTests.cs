using System.Text;

namespace ContactCenter.TestPeers.Tests;

public class NetstringTests
{
    [Fact]
    public void Reads_one_frame_and_reports_the_bytes_consumed()
    {
        var bytes = Encoding.ASCII.GetBytes("5:hello,7:ignored,");

        Assert.True(Netstring.TryRead(bytes, out var payload, out var consumed));

        Assert.Equal("hello", Encoding.ASCII.GetString(payload));
        Assert.Equal(8, consumed);
    }

    [Fact]
    public void Every_prefix_of_a_frame_is_incomplete()
    {
        var frame = Netstring.Encode("{\"response\":true}"u8);

        for (var length = 0; length < frame.Length; length++)
        {
            Assert.False(Netstring.TryRead(frame.AsSpan(0, length), out _, out var consumed), $"prefix of {length} bytes");
            Assert.Equal(0, consumed);
        }
        Assert.True(Netstring.TryRead(frame, out _, out var all));
        Assert.Equal(frame.Length, all);
    }

    [Fact]
    public void Encode_round_trips_an_empty_payload()
    {
        var frame = Netstring.Encode([]);

        Assert.Equal("0:,", Encoding.ASCII.GetString(frame));
        Assert.True(Netstring.TryRead(frame, out var payload, out _));
        Assert.True(payload.IsEmpty);
    }

    [Theory]
    [InlineData("x:abc,")]
    [InlineData(":abc,")]
    [InlineData("3:abc;")]
    [InlineData("12345678:")]
    [InlineData("99999999")]
    [InlineData("2000000:")]
    public void Rejects_what_cannot_be_a_netstring(string input)
    {
        Assert.Throws<InvalidDataException>(() => Netstring.TryRead(Encoding.ASCII.GetBytes(input), out _, out _));
    }
}
