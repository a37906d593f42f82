using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class G711Tests
{
    [Fact]
    public void MuLaw_decodes_all_256_codes_to_the_reference_values()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(G711Reference.ULawToLinear((byte)code), MuLaw.Decode((byte)code));
        }
    }

    [Fact]
    public void ALaw_decodes_all_256_codes_to_the_reference_values()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(G711Reference.ALawToLinear((byte)code), ALaw.Decode((byte)code));
        }
    }

    [Fact]
    public void MuLaw_encodes_every_16_bit_value_as_the_reference_does()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            byte expected = G711Reference.LinearToULaw(sample);
            byte actual = MuLaw.Encode((short)sample);
            if (expected != actual)
            {
                Assert.Fail($"µ-law of {sample}: expected 0x{expected:X2}, got 0x{actual:X2}");
            }
        }
    }

    [Fact]
    public void ALaw_encodes_every_16_bit_value_as_the_reference_does()
    {
        for (int sample = short.MinValue; sample <= short.MaxValue; sample++)
        {
            byte expected = G711Reference.LinearToALaw(sample);
            byte actual = ALaw.Encode((short)sample);
            if (expected != actual)
            {
                Assert.Fail($"A-law of {sample}: expected 0x{expected:X2}, got 0x{actual:X2}");
            }
        }
    }

    // Anchors from G.711 Tables 1 and 2 (decoder outputs in the 13/14-bit domain scaled to 16 bits).
    [Theory]
    [InlineData(0xFF, 0)]        // +0
    [InlineData(0x7F, 0)]        // -0
    [InlineData(0xFE, 8)]        // smallest positive step: 2 in the 14-bit domain
    [InlineData(0x7E, -8)]
    [InlineData(0x80, 32124)]    // 8031 × 4, the largest magnitude
    [InlineData(0x00, -32124)]
    [InlineData(0xEF, 132)]      // first step of segment 1: ((2·0+33) << 1) - 33 = 33, × 4
    [InlineData(0x8F, 16764)]    // segment 7 bottom: (33 << 7) - 33 = 4191, × 4
    public void MuLaw_anchor_values(int code, int linear)
    {
        Assert.Equal(linear, MuLaw.Decode((byte)code));
    }

    [Theory]
    [InlineData(0xD5, 8)]        // smallest positive: 1 in the 13-bit domain
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]    // 4032 × 8, the largest magnitude
    [InlineData(0x2A, -32256)]
    [InlineData(0xD4, 24)]
    [InlineData(0xC5, 264)]      // first step of segment 1 (0x108)
    [InlineData(0xA5, 16896)]    // first step of segment 7: 0x108 << 6
    public void ALaw_anchor_values(int code, int linear)
    {
        Assert.Equal(linear, ALaw.Decode((byte)code));
    }

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7E)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void MuLaw_encoder_anchor_values(int linear, int code)
    {
        Assert.Equal(code, MuLaw.Encode((short)linear));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALaw_encoder_anchor_values(int linear, int code)
    {
        Assert.Equal(code, ALaw.Encode((short)linear));
    }

    [Fact]
    public void Every_code_survives_decode_then_encode_except_mu_law_negative_zero()
    {
        for (int code = 0; code < 256; code++)
        {
            Assert.Equal(code, ALaw.Encode(ALaw.Decode((byte)code)));
            int expected = code == 0x7F ? 0xFF : code;
            Assert.Equal(expected, MuLaw.Encode(MuLaw.Decode((byte)code)));
        }
    }

    [Fact]
    public void Decoded_values_are_strictly_ordered_by_the_law()
    {
        // Positive codes 0xFF..0x80 (µ-law) climb with the segment/step bits inverted.
        for (int magnitude = 1; magnitude < 128; magnitude++)
        {
            Assert.True(MuLaw.Decode((byte)(0xFF - magnitude)) > MuLaw.Decode((byte)(0xFF - magnitude + 1)));
            Assert.True(ALaw.Decode((byte)((0x80 | magnitude) ^ 0x55)) > ALaw.Decode((byte)((0x80 | (magnitude - 1)) ^ 0x55)));
        }
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    public void Codec_encodes_and_decodes_a_frame_through_the_contract(string name)
    {
        Assert.True(CodecCatalog.Default.TryGetByName(name, 8000, out AudioCodec? codec));
        short[] pcm = Signals.Tone(1000, 8000, codec.SamplesPerFrame);
        var payload = new byte[codec.BytesPerFrame];
        var decoded = new short[codec.SamplesPerFrame];

        Assert.Equal(160, codec.CreateEncoder().Encode(pcm, payload));
        Assert.Equal(160, codec.CreateDecoder().Decode(payload, decoded));

        // G.711's worst-case error is half a step of the top segment: 1/32 of full scale.
        for (int i = 0; i < pcm.Length; i++)
        {
            Assert.InRange(Math.Abs(decoded[i] - pcm[i]), 0, Math.Max(8, Math.Abs(pcm[i]) / 16));
        }

        Assert.True(Signals.SnrDb(pcm, decoded, 0, 0) > 35, "G.711 on a -10 dBFS tone keeps well over 35 dB SNR");
    }

    [Fact]
    public void Codec_reports_a_short_destination_and_writes_nothing()
    {
        var payload = new byte[10];
        Assert.Equal(CodecResult.DestinationTooSmall, G711Codec.MuLaw.Encode(new short[11], payload));
        Assert.All(payload, b => Assert.Equal(0, b));
        Assert.Equal(CodecResult.DestinationTooSmall, G711Codec.ALaw.Decode(new byte[11], new short[10]));
    }

    [Fact]
    public void Stateless_codecs_hand_out_one_shared_instance()
    {
        Assert.Same(G711Codec.MuLaw.CreateEncoder(), G711Codec.MuLaw.CreateEncoder());
        Assert.Same(G711Codec.ALaw.CreateDecoder(), G711Codec.ALaw.CreateDecoder());
        Assert.True(G711Codec.MuLaw.IsStateless);
    }
}
