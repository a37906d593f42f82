using ContactCenter.Media.Codecs;
using Xunit.Abstractions;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class ResamplerTests(ITestOutputHelper output)
{
    private const int Settle = 200;

    private static short[] Run(IAudioResampler resampler, short[] input, int chunk)
    {
        var result = new List<short>();
        var buffer = new short[resampler.GetOutputLength(chunk) + 1];
        for (int offset = 0; offset < input.Length; offset += chunk)
        {
            ReadOnlySpan<short> piece = input.AsSpan(offset, Math.Min(chunk, input.Length - offset));
            int expected = resampler.GetOutputLength(piece.Length);
            int written = resampler.Process(piece, buffer);
            Assert.Equal(expected, written);
            result.AddRange(buffer.AsSpan(0, written));
        }

        return [.. result];
    }

    private static double Db(double ratio) => 20 * Math.Log10(ratio);

    [Fact]
    public void Decimating_keeps_a_1kHz_tone_at_its_frequency_and_level()
    {
        short[] tone = Signals.Tone(1000, 16000, 16000);
        short[] down = Run(new HalfBandDecimator(), tone, 320);
        Assert.Equal(8000, down.Length);

        ReadOnlySpan<short> steady = down.AsSpan(Settle);
        double strongest = Signals.StrongestFrequency(steady, 8000, 100);
        Assert.Equal(1000, strongest);
        double gain = Db(Signals.Amplitude(steady, 1000, 8000) / 10000);
        output.WriteLine($"16->8 kHz, 1 kHz tone: gain {gain:F3} dB");
        Assert.InRange(gain, -0.05, 0.05);

        // Compared with the same tone made at 8 kHz and delayed by the reported delay.
        short[] reference = Signals.Tone(1000, 8000, 8000);
        double snr = Signals.SnrDb(reference, down, new HalfBandDecimator().DelaySamples, Settle);
        output.WriteLine($"16->8 kHz, 1 kHz tone vs a tone made at 8 kHz: SNR {snr:F1} dB");
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Theory]
    [InlineData(6000, 2000)]
    [InlineData(4800, 3200)]
    [InlineData(7500, 500)]
    public void Decimating_attenuates_what_would_alias(double frequency, double alias)
    {
        short[] tone = Signals.Tone(frequency, 16000, 16000);
        short[] down = Run(new HalfBandDecimator(), tone, 320);

        ReadOnlySpan<short> steady = down.AsSpan(Settle);
        double rms = Db(Signals.Rms(steady) / Signals.Rms(tone));
        double aliasLevel = Db(Signals.Amplitude(steady, alias, 8000) / 10000);
        output.WriteLine($"16->8 kHz, {frequency} Hz tone: output {rms:F1} dB, alias at {alias} Hz {aliasLevel:F1} dB");
        Assert.True(rms <= -30, $"{frequency} Hz comes through at {rms:F1} dB");
        Assert.True(aliasLevel <= -60, $"alias at {alias} Hz is {aliasLevel:F1} dB");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(3400)]
    public void Decimating_keeps_the_telephone_band_flat(double frequency)
    {
        short[] down = Run(new HalfBandDecimator(), Signals.Tone(frequency, 16000, 16000), 320);
        double gain = Db(Signals.Amplitude(down.AsSpan(Settle), frequency, 8000) / 10000);
        Assert.InRange(gain, -0.1, 0.1);
    }

    [Fact]
    public void Interpolating_keeps_a_1kHz_tone_and_removes_its_image()
    {
        short[] tone = Signals.Tone(1000, 8000, 8000);
        short[] up = Run(new HalfBandInterpolator(), tone, 160);
        Assert.Equal(16000, up.Length);

        ReadOnlySpan<short> steady = up.AsSpan(2 * Settle);
        double strongest = Signals.StrongestFrequency(steady, 16000, 100);
        Assert.Equal(1000, strongest);
        double gain = Db(Signals.Amplitude(steady, 1000, 16000) / 10000);
        double image = Db(Signals.Amplitude(steady, 7000, 16000) / 10000);
        output.WriteLine($"8->16 kHz, 1 kHz tone: gain {gain:F3} dB, image at 7 kHz {image:F1} dB");
        Assert.InRange(gain, -0.05, 0.05);
        Assert.True(image <= -60, $"image at 7 kHz is {image:F1} dB");

        short[] reference = Signals.Tone(1000, 16000, 16000);
        double snr = Signals.SnrDb(reference, up, new HalfBandInterpolator().DelaySamples, 2 * Settle);
        output.WriteLine($"8->16 kHz, 1 kHz tone vs a tone made at 16 kHz: SNR {snr:F1} dB");
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Reported_delays_are_the_real_ones()
    {
        // A sweep lines up at one delay only (a tone repeats every period).
        var down = new HalfBandDecimator();
        short[] narrowReference = Signals.Sweep(100, 3000, 8000, 8000);
        short[] decimated = Run(down, Signals.Sweep(100, 3000, 16000, 16000), 320);
        (int downDelay, double downSnr) = Signals.BestAlignedSnr(narrowReference, decimated, 64, Settle);
        Assert.Equal(down.DelaySamples, downDelay);
        Assert.True(downSnr > 40, $"decimated sweep: SNR {downSnr:F1} dB");

        var up = new HalfBandInterpolator();
        short[] wideReference = Signals.Sweep(100, 3000, 16000, 16000);
        short[] interpolated = Run(up, narrowReference, 160);
        (int upDelay, double upSnr) = Signals.BestAlignedSnr(wideReference, interpolated, 128, 2 * Settle);
        Assert.Equal(up.DelaySamples, upDelay);
        Assert.True(upSnr > 40, $"interpolated sweep: SNR {upSnr:F1} dB");
        output.WriteLine($"sweep 100-3000 Hz: 16->8 SNR {downSnr:F1} dB at delay {downDelay}, 8->16 SNR {upSnr:F1} dB at delay {upDelay}");
    }

    [Fact]
    public void Down_then_up_gives_back_a_telephone_band_signal()
    {
        short[] tone = Signals.Tone(1000, 16000, 16000);
        var down = new HalfBandDecimator();
        var up = new HalfBandInterpolator();
        short[] back = Run(up, Run(down, tone, 320), 160);

        int delay = (2 * down.DelaySamples) + up.DelaySamples;
        double snr = Signals.SnrDb(tone, back, delay, 2 * Settle);
        output.WriteLine($"16->8->16 kHz, 1 kHz tone: SNR {snr:F1} dB at delay {delay}");
        Assert.True(snr > 50, $"SNR {snr:F1} dB");
    }

    [Fact]
    public void Chunking_does_not_change_the_output()
    {
        short[] sweep = Signals.Sweep(100, 7900, 16000, 8000);
        short[] whole = Run(new HalfBandDecimator(), sweep, sweep.Length);
        short[] odd = Run(new HalfBandDecimator(), sweep, 7);
        short[] frames = Run(new HalfBandDecimator(), sweep, 320);
        Assert.Equal(whole, odd);
        Assert.Equal(whole, frames);

        short[] narrow = Signals.Sweep(100, 3900, 8000, 4000);
        Assert.Equal(Run(new HalfBandInterpolator(), narrow, narrow.Length), Run(new HalfBandInterpolator(), narrow, 3));
    }

    [Fact]
    public void An_odd_sample_is_held_back_until_its_pair_arrives()
    {
        var down = new HalfBandDecimator();
        var buffer = new short[4];
        Assert.Equal(1, down.GetOutputLength(3));
        Assert.Equal(1, down.Process(new short[3], buffer));
        Assert.Equal(2, down.GetOutputLength(3));
        Assert.Equal(2, down.Process(new short[3], buffer));
    }

    [Fact]
    public void Full_scale_input_clips_instead_of_wrapping()
    {
        var square = new short[16000];
        for (int i = 0; i < square.Length; i++)
        {
            square[i] = (i / 8 % 2) == 0 ? short.MaxValue : short.MinValue;
        }

        short[] down = Run(new HalfBandDecimator(), square, 320);
        short[] up = Run(new HalfBandInterpolator(), down, 160);

        // A 1 kHz square keeps its fundamental (4/π of full scale, clipped) with the right sign.
        double fundamental = Signals.Amplitude(up.AsSpan(1000), 1000, 16000);
        Assert.InRange(fundamental, 35000, 42000);
        Assert.Contains(short.MaxValue, up);
        Assert.Contains(short.MinValue, up);
    }

    [Fact]
    public void A_short_destination_is_reported_and_nothing_is_consumed()
    {
        short[] tone = Signals.Tone(1000, 16000, 640);
        var used = new HalfBandDecimator();
        Assert.Equal(CodecResult.DestinationTooSmall, used.Process(tone, new short[319]));
        Assert.Equal(CodecResult.DestinationTooSmall, new HalfBandInterpolator().Process(tone, new short[1279]));

        Assert.Equal(Run(new HalfBandDecimator(), tone, 320), Run(used, tone, 320));
    }

    [Fact]
    public void Reset_forgets_the_history()
    {
        short[] tone = Signals.Tone(1000, 16000, 640);
        var down = new HalfBandDecimator();
        short[] first = Run(down, tone, 320);
        Run(down, [1], 1);
        down.Reset();
        Assert.Equal(first, Run(down, tone, 320));

        var up = new HalfBandInterpolator();
        short[] upFirst = Run(up, tone, 320);
        up.Reset();
        Assert.Equal(upFirst, Run(up, tone, 320));
    }

    [Theory]
    [InlineData(16000, 8000, typeof(HalfBandDecimator))]
    [InlineData(8000, 16000, typeof(HalfBandInterpolator))]
    [InlineData(8000, 8000, typeof(PassThroughResampler))]
    [InlineData(32000, 16000, typeof(HalfBandDecimator))]
    public void Factory_picks_the_resampler_for_the_rates(int from, int to, Type expected)
    {
        IAudioResampler resampler = AudioResampler.Create(from, to);
        Assert.IsType(expected, resampler);
        Assert.Equal(from, resampler.InputRate);
        Assert.Equal(to, resampler.OutputRate);
    }

    [Theory]
    [InlineData(8000, 48000)]
    [InlineData(44100, 16000)]
    [InlineData(0, 0)]
    public void Factory_refuses_unsupported_rates(int from, int to)
    {
        Assert.False(AudioResampler.IsSupported(from, to));
        Assert.Throws<ArgumentOutOfRangeException>(() => AudioResampler.Create(from, to));
    }

    [Fact]
    public void Pass_through_copies()
    {
        var copier = new PassThroughResampler(8000);
        var output = new short[3];
        Assert.Equal(3, copier.Process(new short[] { 1, 2, 3 }, output));
        Assert.Equal(new short[] { 1, 2, 3 }, output);
        Assert.Equal(CodecResult.DestinationTooSmall, copier.Process(new short[4], output));
    }
}
