using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Dtmf;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// In-band DTMF detection cost per 20 ms G.711 frame (160 samples): it runs on every packet of every leg whose peer
/// did not negotiate telephone-event, so it is a per-packet cost of the relay path.
/// </summary>
[MemoryDiagnoser]
public class InBandDtmfBenchmarks
{
    private readonly GoertzelDtmfDetector _detector = new();
    private short[] _speech = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4733);
        _speech = new short[160];
        for (var n = 0; n < _speech.Length; n++)
        {
            var t = n / 8000.0;
            _speech[n] = (short)((6000 * Math.Sin(2 * Math.PI * 440 * t)) + (2000 * Math.Sin(2 * Math.PI * 1000 * t)) + random.Next(-300, 300));
        }
    }

    [Benchmark]
    public int DetectOneFrame()
    {
        var events = _detector.Process(_speech);
        while (_detector.TryReadEvent(out _))
        {
        }

        return events;
    }
}
