using ContactCenter.Media.Codecs;
using ContactCenter.Tests.Shared;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>The hot-path rule: encoding, decoding and resampling a frame allocate nothing.</summary>
public sealed class AllocationTests
{
    private const int Frames = 2000;

    public static TheoryData<string> CodecNames() => new(CodecCatalog.Default.All.Select(c => c.ToString()));

    [Theory]
    [MemberData(nameof(CodecNames))]
    public void Encoding_and_decoding_frames_allocates_nothing(string rtpMap)
    {
        Assert.True(CodecCatalog.Default.TryGetByRtpMap(rtpMap, out AudioCodec? codec));
        IAudioEncoder encoder = codec.CreateEncoder();
        IAudioDecoder decoder = codec.CreateDecoder();
        short[] pcm = Signals.Tone(1000, codec.SampleRate, codec.SamplesPerFrame);
        var payload = new byte[codec.BytesPerFrame];
        var decoded = new short[codec.SamplesPerFrame];
        encoder.Encode(pcm, payload);
        decoder.Decode(payload, decoded);

        Assert.Equal(0, ThreadAllocations.LeastOfThreeRuns(() =>
        {
            for (int i = 0; i < Frames; i++)
            {
                encoder.Encode(pcm, payload);
                decoder.Decode(payload, decoded);
            }
        }));
    }

    [Fact]
    public void Resampling_frames_allocates_nothing()
    {
        IAudioResampler down = AudioResampler.Create(16000, 8000);
        IAudioResampler up = AudioResampler.Create(8000, 16000);
        short[] wide = Signals.Tone(1000, 16000, 320);
        var narrow = new short[160];
        var back = new short[320];
        down.Process(wide, narrow);
        up.Process(narrow, back);

        Assert.Equal(0, ThreadAllocations.LeastOfThreeRuns(() =>
        {
            for (int i = 0; i < Frames; i++)
            {
                down.Process(wide, narrow);
                up.Process(narrow, back);
            }
        }));
    }

    [Fact]
    public void Catalog_lookups_allocate_nothing()
    {
        CodecCatalog catalog = CodecCatalog.Default;
        catalog.TryGetByRtpMap("G722/8000", out _);

        Assert.Equal(0, ThreadAllocations.LeastOfThreeRuns(() =>
        {
            for (int i = 0; i < Frames; i++)
            {
                catalog.TryGetByPayloadType(8, out _);
                catalog.TryGetByRtpMap("G722/8000/1", out _);
                catalog.TryGetByName("l16", 16000, out _);
            }
        }));
    }
}
