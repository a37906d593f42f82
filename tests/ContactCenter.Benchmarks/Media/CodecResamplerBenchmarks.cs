using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Cost of resampling one 20 ms frame between 16 kHz and 8 kHz.</summary>
[MemoryDiagnoser]
public class CodecResamplerBenchmarks
{
    private readonly IAudioResampler _down = AudioResampler.Create(16000, 8000);
    private readonly IAudioResampler _up = AudioResampler.Create(8000, 16000);
    private readonly short[] _wide = new short[320];
    private readonly short[] _narrow = new short[160];
    private readonly short[] _narrowOut = new short[160];
    private readonly short[] _wideOut = new short[320];

    [GlobalSetup]
    public void Setup()
    {
        for (int n = 0; n < _wide.Length; n++)
        {
            _wide[n] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * n / 16000.0));
        }

        for (int n = 0; n < _narrow.Length; n++)
        {
            _narrow[n] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * n / 8000.0));
        }
    }

    [Benchmark]
    public int Decimate16kTo8kFrame() => _down.Process(_wide, _narrowOut);

    [Benchmark]
    public int Interpolate8kTo16kFrame() => _up.Process(_narrow, _wideOut);
}
