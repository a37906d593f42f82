using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Cost of encoding and decoding one 20 ms frame with each codec of the catalog.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private IAudioEncoder _encoder = null!;
    private IAudioDecoder _decoder = null!;
    private short[] _pcm = [];
    private byte[] _payload = [];
    private byte[] _encoded = [];
    private short[] _decoded = [];

    /// <summary>The codec under test, as an rtpmap value.</summary>
    [Params("PCMU/8000", "PCMA/8000", "G722/8000", "L16/8000", "L16/16000")]
    public string Codec { get; set; } = "PCMU/8000";

    [GlobalSetup]
    public void Setup()
    {
        if (!CodecCatalog.Default.TryGetByRtpMap(Codec, out AudioCodec? codec))
        {
            throw new InvalidOperationException($"Unknown codec {Codec}.");
        }

        _encoder = codec.CreateEncoder();
        _decoder = codec.CreateDecoder();

        // A speech-like mix (two partials and a little noise) so the adaptive codecs do real work.
        var random = new Random(20);
        _pcm = new short[codec.SamplesPerFrame];
        for (int n = 0; n < _pcm.Length; n++)
        {
            double t = (double)n / codec.SampleRate;
            _pcm[n] = (short)((6000 * Math.Sin(2 * Math.PI * 300 * t)) + (3000 * Math.Sin(2 * Math.PI * 2100 * t)) + random.Next(-500, 500));
        }

        _payload = new byte[codec.BytesPerFrame];
        _encoded = new byte[codec.BytesPerFrame];
        _decoded = new short[codec.SamplesPerFrame];
        codec.CreateEncoder().Encode(_pcm, _encoded);
    }

    [Benchmark]
    public int EncodeFrame() => _encoder.Encode(_pcm, _payload);

    [Benchmark]
    public int DecodeFrame() => _decoder.Decode(_encoded, _decoded);
}
