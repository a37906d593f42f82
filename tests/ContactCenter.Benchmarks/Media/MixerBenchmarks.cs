using BenchmarkDotNet.Attributes;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;

namespace ContactCenter.Benchmarks.Media;

/// <summary>
/// One conference tick (every leg writes its frame, the mixer mixes, every leg reads its mix) for N legs, three of
/// them talking as in a real conference; divide by N for the cost per participant per tick.
/// </summary>
[MemoryDiagnoser]
public class MixerBenchmarks
{
    private readonly List<MixerParticipant> _legs = [];
    private short[] _narrow = [];
    private short[] _wide = [];
    private readonly short[] _narrowOut = new short[160];
    private readonly short[] _wideOut = new short[320];
    private ConferenceMixer _mixer = new();
    private long _tick;

    [Params(3, 10, 32)]
    public int Participants { get; set; }

    /// <summary>False: every leg G.711 (mix at 8 kHz). True: one leg in four is 16 kHz, so the mix runs at 16 kHz and 8 kHz legs are resampled.</summary>
    [Params(false, true)]
    public bool Wideband { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mixer = new ConferenceMixer();
        _legs.Clear();
        for (int i = 0; i < Participants; i++)
        {
            _legs.Add(_mixer.Join(Wideband && i % 4 == 0 ? AudioFormat.Wideband : AudioFormat.Narrowband));
        }

        _narrow = Tone(8000, 160);
        _wide = Tone(16000, 320);
    }

    [Benchmark]
    public void Tick()
    {
        long tick = _tick++;
        for (int i = 0; i < _legs.Count; i++)
        {
            MixerParticipant leg = _legs[i];
            bool talking = i < 3; // three speakers, the rest listening
            leg.WriteFrame(leg.Format.SampleRate == 8000 ? _narrow : _wide, silent: !talking);
        }

        _mixer.OnTick(tick);
        foreach (MixerParticipant leg in _legs)
        {
            leg.ReadFrame(leg.Format.SampleRate == 8000 ? _narrowOut : _wideOut);
        }
    }

    private static short[] Tone(int rate, int count)
    {
        var samples = new short[count];
        for (int n = 0; n < count; n++)
        {
            samples[n] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * n / rate));
        }

        return samples;
    }
}
