using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Assets;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Playback;

namespace ContactCenter.Benchmarks.Media;

/// <summary>Cost of one 20 ms frame from the tone generator and the WAV player, at 8 and 16 kHz.</summary>
[MemoryDiagnoser]
public class PlaybackBenchmarks
{
    private ToneGenerator _singleTone = null!;
    private ToneGenerator _dualTone = null!;
    private WavPlayer _musicOnHold = null!;
    private short[] _frame = [];

    [Params(8000, 16000)]
    public int SampleRate { get; set; } = 8000;

    [GlobalSetup]
    public void Setup()
    {
        var format = new AudioFormat(SampleRate);
        _singleTone = new ToneGenerator(TonePresets.DialEurope, format);
        _dualTone = new ToneGenerator(TonePresets.DialUs, format);
        _musicOnHold = new WavPlayer(DefaultMusicOnHold.Clip, format, loop: true);
        _frame = new short[format.SamplesPerFrame];
    }

    [Benchmark]
    public bool Tone425() => _singleTone.ReadFrame(_frame);

    [Benchmark]
    public bool Tone350Plus440() => _dualTone.ReadFrame(_frame);

    [Benchmark]
    public bool MusicOnHoldFrame() => _musicOnHold.ReadFrame(_frame);
}
