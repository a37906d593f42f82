using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Tests.Rtp;

public sealed class RtpSequenceTests
{
    [Theory]
    [InlineData(65535, 0, 1)]
    [InlineData(0, 65535, -1)]
    [InlineData(100, 200, 100)]
    [InlineData(65000, 500, 1036)]
    [InlineData(10, 10, 0)]
    public void Delta_WrapsAround(int from, int to, int expected)
    {
        Assert.Equal(expected, RtpSequence.Delta((ushort)from, (ushort)to));
        Assert.Equal(expected > 0, RtpSequence.IsNewer((ushort)to, (ushort)from));
    }

    [Fact]
    public void TimestampDelta_WrapsAround()
    {
        Assert.Equal(160, RtpSequence.TimestampDelta(uint.MaxValue - 79, 80));
        Assert.Equal(-160, RtpSequence.TimestampDelta(80, uint.MaxValue - 79));
        Assert.True(RtpSequence.IsNewerTimestamp(5, uint.MaxValue));
        Assert.False(RtpSequence.IsNewerTimestamp(uint.MaxValue, 5));
    }
}
