using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class CodecCatalogTests
{
    [Theory]
    [InlineData(0, "PCMU", 8000)]
    [InlineData(8, "PCMA", 8000)]
    [InlineData(9, "G722", 8000)]
    public void Static_payload_types_find_their_codec(int payloadType, string name, int clockRate)
    {
        Assert.True(CodecCatalog.Default.TryGetByPayloadType(payloadType, out AudioCodec? codec));
        Assert.Equal(name, codec.Name);
        Assert.Equal(clockRate, codec.RtpClockRate);
    }

    [Theory]
    [InlineData(3)]    // GSM: not supported
    [InlineData(18)]   // G729
    [InlineData(96)]   // dynamic: only the rtpmap can say
    [InlineData(-1)]
    public void Unknown_payload_types_find_nothing(int payloadType)
    {
        Assert.False(CodecCatalog.Default.TryGetByPayloadType(payloadType, out AudioCodec? codec));
        Assert.Null(codec);
    }

    [Theory]
    [InlineData("pcmu", 8000, "PCMU/8000")]
    [InlineData("G722", 8000, "G722/8000")]
    [InlineData("l16", 16000, "L16/16000")]
    [InlineData("L16", 8000, "L16/8000")]
    public void Names_are_case_insensitive_and_keyed_with_the_clock_rate(string name, int clockRate, string expected)
    {
        Assert.True(CodecCatalog.Default.TryGetByName(name, clockRate, out AudioCodec? codec));
        Assert.Equal(expected, codec.ToString());
    }

    [Theory]
    [InlineData("G722", 16000)]   // a common mistake in offers: G.722's rtpmap rate is 8000
    [InlineData("PCMU", 16000)]
    [InlineData("opus", 48000)]
    [InlineData("", 8000)]
    public void Wrong_rate_or_unknown_name_finds_nothing(string name, int clockRate)
    {
        Assert.False(CodecCatalog.Default.TryGetByName(name, clockRate, out _));
    }

    [Theory]
    [InlineData("PCMA/8000", "PCMA")]
    [InlineData("G722/8000/1", "G722")]
    [InlineData("L16/16000", "L16")]
    public void Rtpmap_values_are_understood(string rtpMap, string name)
    {
        Assert.True(CodecCatalog.Default.TryGetByRtpMap(rtpMap, out AudioCodec? codec));
        Assert.Equal(name, codec.Name);
    }

    [Theory]
    [InlineData("PCMA")]
    [InlineData("PCMA/")]
    [InlineData("/8000")]
    [InlineData("PCMA/8k")]
    [InlineData("PCMA/8000/2")]
    [InlineData("PCMA/8000/")]
    [InlineData("PCMA/99999999999999999999")]
    [InlineData("L16/8000/1/1")]
    public void Malformed_or_unsupported_rtpmap_values_find_nothing(string rtpMap)
    {
        Assert.False(CodecCatalog.Default.TryGetByRtpMap(rtpMap, out _));
    }

    [Fact]
    public void Default_lists_every_codec_once()
    {
        Assert.Equal(["PCMU/8000", "PCMA/8000", "G722/8000", "L16/8000", "L16/16000"], CodecCatalog.Default.All.Select(c => c.ToString()));
    }

    [Fact]
    public void Duplicates_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CodecCatalog([G711Codec.MuLaw, G711Codec.MuLaw]));
    }

    [Fact]
    public void Every_codec_round_trips_a_frame_through_the_factories()
    {
        foreach (AudioCodec codec in CodecCatalog.Default.All)
        {
            short[] pcm = Signals.Tone(400, codec.SampleRate, codec.SamplesPerFrame * 10);
            var payload = new byte[codec.BytesPerFrame];
            var decoded = new short[pcm.Length];
            IAudioEncoder encoder = codec.CreateEncoder();
            IAudioDecoder decoder = codec.CreateDecoder();
            Assert.Same(codec, encoder.Codec);
            Assert.Same(codec, decoder.Codec);
            for (int offset = 0; offset < pcm.Length; offset += codec.SamplesPerFrame)
            {
                Assert.Equal(codec.BytesPerFrame, encoder.Encode(pcm.AsSpan(offset, codec.SamplesPerFrame), payload));
                Assert.Equal(codec.SamplesPerFrame, codec.GetDecodedLength(payload.Length));
                Assert.Equal(codec.SamplesPerFrame, decoder.Decode(payload, decoded.AsSpan(offset, codec.SamplesPerFrame)));
            }

            int delay = codec is G722Codec ? G722Codec.CodecDelaySamples : 0;
            double snr = Signals.SnrDb(pcm, decoded, delay, codec.SamplesPerFrame * 2);
            Assert.True(snr > 30, $"{codec}: SNR {snr:F1} dB");
        }
    }
}
