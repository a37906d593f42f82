using ContactCenter.Media.Dtmf;

namespace ContactCenter.Media.Tests.Dtmf;

public sealed class TelephoneEventPayloadTests
{
    [Fact]
    public void Parse_ReadsEventEndVolumeAndDuration()
    {
        // Digit 9, E bit, reserved bit set (must be ignored), volume 10, duration 2240.
        byte[] bytes = [0x09, 0xCA, 0x08, 0xC0];

        Assert.True(TelephoneEventPayload.TryParse(bytes, out var value));
        Assert.Equal(new TelephoneEventPayload(9, IsEnd: true, Volume: 10, Duration: 2240), value);
    }

    [Fact]
    public void Parse_ShortPayload_Fails()
    {
        Assert.False(TelephoneEventPayload.TryParse([0x01, 0x0A, 0x00], out _));
    }

    [Fact]
    public void Write_ProducesTheWireFormat()
    {
        var buffer = new byte[4];

        Assert.True(new TelephoneEventPayload(11, IsEnd: false, Volume: 63, Duration: 0xFFFF).TryWrite(buffer));
        Assert.Equal(new byte[] { 0x0B, 0x3F, 0xFF, 0xFF }, buffer);
        Assert.False(new TelephoneEventPayload(1, false, 10, 1).TryWrite(new byte[3]));
    }

    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('d', 15)]
    [InlineData(DtmfDigits.Flash, 16)]
    public void Digits_MapToRfc4733Codes(char digit, byte code)
    {
        Assert.True(DtmfDigits.TryGetEventCode(digit, out var actual));
        Assert.Equal(code, actual);
        Assert.True(DtmfDigits.TryGetDigit(code, out var back));
        Assert.Equal(char.ToUpperInvariant(digit), back);
    }

    [Fact]
    public void UnknownDigitsAndCodes_AreRefused()
    {
        Assert.False(DtmfDigits.TryGetEventCode('E', out _));
        Assert.False(DtmfDigits.TryGetDigit(17, out _));
    }
}
