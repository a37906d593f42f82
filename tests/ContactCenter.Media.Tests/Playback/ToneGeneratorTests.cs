using ContactCenter.Media.Audio;
using ContactCenter.Media.Playback;

namespace ContactCenter.Media.Tests.Playback;

public sealed class ToneGeneratorTests
{
    public static TheoryData<string, int> Presets()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in PresetsByName.Keys)
        {
            data.Add(name, 8000);
            data.Add(name, 16000);
        }

        return data;
    }

    private static readonly Dictionary<string, ToneDefinition> PresetsByName = new()
    {
        ["ringback-europe"] = TonePresets.RingbackEurope,
        ["ringback-brazil"] = TonePresets.RingbackBrazil,
        ["ringback-us"] = TonePresets.RingbackUs,
        ["busy-europe"] = TonePresets.BusyEurope,
        ["busy-us"] = TonePresets.BusyUs,
        ["call-waiting-europe"] = TonePresets.CallWaitingEurope,
        ["call-waiting-us"] = TonePresets.CallWaitingUs,
        ["beep"] = TonePresets.Beep,
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Every_preset_plays_its_frequencies_at_its_level_with_no_others(string name, int sampleRate)
    {
        ToneDefinition tone = PresetsByName[name];
        var generator = new ToneGenerator(tone, new AudioFormat(sampleRate));
        short[] firstBurst = Generate(generator, (int)(tone.Cadence[0].TotalMilliseconds / 20));

        // From 60 ms in (clear of the edge ramps), a window holding whole periods of the tone's and the stray
        // frequencies: 40 ms (25 Hz bins) for 425 Hz, 50 ms (20 Hz bins) for the others.
        int windowMs = tone.Frequencies.Contains(425) ? 40 : 50;
        ReadOnlySpan<short> window = firstBurst.AsSpan(sampleRate * 60 / 1000, sampleRate * windowMs / 1000);
        foreach (double frequency in tone.Frequencies)
        {
            double measured = AudioMeasure.Amplitude(window, frequency, sampleRate);
            Assert.InRange(AudioMeasure.Decibels(measured / tone.Amplitude), -0.05, 0.05);
        }

        // Nothing else: the whole signal's power is the components' power.
        double expectedRms = tone.Amplitude * Math.Sqrt(tone.Frequencies.Count / 2.0);
        Assert.InRange(AudioMeasure.Decibels(AudioMeasure.Rms(window) / expectedRms), -0.05, 0.05);
        foreach (double stray in new[] { 300.0, 1400, 2000, 3000 })
        {
            Assert.True(AudioMeasure.Amplitude(window, stray, sampleRate) < tone.Amplitude / 1000, $"{stray} Hz present");
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Cadence_is_exact_in_frames_over_two_cycles(string name, int sampleRate)
    {
        ToneDefinition tone = PresetsByName[name];
        var generator = new ToneGenerator(tone, new AudioFormat(sampleRate));
        var expected = new List<bool>();
        int cycles = tone.Repeat ? 2 : 1;
        for (int cycle = 0; cycle < cycles; cycle++)
        {
            for (int segment = 0; segment < tone.Cadence.Count; segment++)
            {
                expected.AddRange(Enumerable.Repeat(segment % 2 == 0, (int)(tone.Cadence[segment].TotalMilliseconds / 20)));
            }
        }

        if (!tone.Repeat)
        {
            expected.AddRange(Enumerable.Repeat(false, 5));
        }

        var frame = new short[sampleRate / 50];
        var actual = new List<bool>();
        foreach (bool _ in expected)
        {
            bool audible = generator.ReadFrame(frame);
            Assert.Equal(audible, frame.Any(s => s != 0));
            actual.Add(audible);
        }

        Assert.Equal(expected, actual);
        Assert.Equal(!tone.Repeat, generator.IsFinished);
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void The_oscillator_is_phase_continuous_across_frames(int sampleRate)
    {
        var tone = new ToneDefinition("test", [1234.5], -6, []);
        var generator = new ToneGenerator(tone, new AudioFormat(sampleRate));
        short[] samples = Generate(generator, 500);

        // Ten seconds of output stay on the ideal sine: no phase step at frame boundaries, no drift.
        double step = SineIncrementAsPhase(1234.5, sampleRate);
        for (int n = 0; n < samples.Length; n++)
        {
            double ideal = tone.Amplitude * Math.Sin(step * n);
            Assert.True(Math.Abs(samples[n] - ideal) <= 1.0, $"sample {n}: {samples[n]} vs {ideal:F2}");
        }
    }

    [Fact]
    public void Bursts_ramp_in_and_out_so_the_edges_do_not_click()
    {
        var generator = new ToneGenerator(TonePresets.BusyEurope, AudioFormat.Narrowband);
        short[] burst = Generate(generator, 25);
        Assert.True(Math.Abs((int)burst[0]) < 0.15 * TonePresets.BusyEurope.Amplitude);
        Assert.True(Math.Abs((int)burst[^1]) < 0.15 * TonePresets.BusyEurope.Amplitude);
    }

    [Fact]
    public void Reset_starts_the_cadence_again()
    {
        var generator = new ToneGenerator(TonePresets.Beep, AudioFormat.Narrowband);
        short[] first = Generate(generator, 10);
        Assert.True(generator.IsFinished);
        generator.Reset();
        Assert.False(generator.IsFinished);
        Assert.Equal(first, Generate(generator, 10));
    }

    [Fact]
    public void Generating_frames_allocates_nothing()
    {
        var generator = new ToneGenerator(TonePresets.RingbackUs, AudioFormat.Wideband);
        var frame = new short[320];
        generator.ReadFrame(frame);
        long allocated = AllocationProbe.QuietestRound(() =>
        {
            for (int i = 0; i < 1000; i++) generator.ReadFrame(frame);
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Impossible_tones_are_rejected_when_defined()
    {
        TimeSpan second = TimeSpan.FromSeconds(1);
        Assert.Throws<ArgumentException>(() => new ToneDefinition("x", [], -10, []));
        Assert.Throws<ArgumentException>(() => new ToneDefinition("x", [4000], -10, []));
        Assert.Throws<ArgumentException>(() => new ToneDefinition("x", [440, 480], 3, []));
        Assert.Throws<ArgumentException>(() => new ToneDefinition("x", [440], -10, [TimeSpan.FromTicks(5)]));
        Assert.Throws<ArgumentException>(() => new ToneDefinition("x", [440], -10, [], repeat: false));
        Assert.Throws<ArgumentException>(() => new ToneGenerator(new ToneDefinition("x", [440], -10, [second]), new AudioFormat(11025)));
    }

    private static double SineIncrementAsPhase(double frequency, int sampleRate) =>
        Math.Round(frequency / sampleRate * 4294967296.0) / 4294967296.0 * 2 * Math.PI;

    private static short[] Generate(ToneGenerator generator, int frames)
    {
        int frameSize = generator.Format.SamplesPerFrame;
        var samples = new short[frames * frameSize];
        for (int f = 0; f < frames; f++)
        {
            generator.ReadFrame(samples.AsSpan(f * frameSize, frameSize));
        }

        return samples;
    }
}
