using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class L16Tests
{
    [Fact]
    public void Samples_go_out_in_network_byte_order()
    {
        short[] pcm = [0x0102, -2, short.MinValue, short.MaxValue];
        var payload = new byte[8];

        Assert.Equal(8, L16Codec.Narrowband.Encode(pcm, payload));

        Assert.Equal(new byte[] { 0x01, 0x02, 0xFF, 0xFE, 0x80, 0x00, 0x7F, 0xFF }, payload);
    }

    [Fact]
    public void Round_trip_is_lossless_for_every_value()
    {
        short[] every = Enumerable.Range(short.MinValue, 65536).Select(v => (short)v).ToArray();
        var payload = new byte[every.Length * 2];
        var decoded = new short[every.Length];

        Assert.Equal(payload.Length, L16Codec.Wideband.Encode(every, payload));
        Assert.Equal(every.Length, L16Codec.Wideband.Decode(payload, decoded));

        Assert.Equal(every, decoded);
    }

    [Fact]
    public void Unaligned_payload_slices_decode()
    {
        byte[] buffer = [0xAA, 0x12, 0x34, 0xFF, 0x00];
        var decoded = new short[2];

        Assert.Equal(2, L16Codec.Narrowband.Decode(buffer.AsSpan(1), decoded));

        Assert.Equal(new short[] { 0x1234, unchecked((short)0xFF00) }, decoded);
    }

    [Fact]
    public void Odd_payload_is_an_invalid_length_and_writes_nothing()
    {
        var decoded = new short[4];
        Assert.Equal(CodecResult.InvalidLength, L16Codec.Narrowband.Decode(new byte[] { 1, 2, 3 }, decoded));
        Assert.All(decoded, s => Assert.Equal(0, s));
        Assert.Equal(CodecResult.InvalidLength, L16Codec.Narrowband.GetDecodedLength(3));
    }

    [Fact]
    public void Short_destinations_are_reported()
    {
        Assert.Equal(CodecResult.DestinationTooSmall, L16Codec.Narrowband.Encode(new short[160], new byte[319]));
        Assert.Equal(CodecResult.DestinationTooSmall, L16Codec.Narrowband.Decode(new byte[320], new short[159]));
    }

    [Fact]
    public void Descriptors_use_dynamic_payload_types_and_their_own_clock()
    {
        Assert.Null(L16Codec.Narrowband.StaticPayloadType);
        Assert.Equal(8000, L16Codec.Narrowband.RtpClockRate);
        Assert.Equal(320, L16Codec.Narrowband.BytesPerFrame);
        Assert.Equal(16000, L16Codec.Wideband.RtpClockRate);
        Assert.Equal(16000, L16Codec.Wideband.SampleRate);
        Assert.Equal(320, L16Codec.Wideband.SamplesPerFrame);
        Assert.Equal(640, L16Codec.Wideband.BytesPerFrame);
        Assert.Equal(320, L16Codec.Wideband.RtpTicksPerFrame);
    }
}
