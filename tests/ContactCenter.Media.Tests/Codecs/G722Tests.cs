using ContactCenter.Media.Codecs;
using Xunit.Abstractions;

namespace ContactCenter.Media.Tests.Codecs;

public sealed class G722Tests(ITestOutputHelper output)
{
    private const int SampleRate = 16000;

    // The QMF pair alone delays by 23 samples; the search window leaves room for it.
    private const int MaxDelay = 64;

    // The ADPCM scale factors need a few milliseconds to adapt from their initial values.
    private const int SettleSamples = 1600;

    internal static short[] RoundTrip(ReadOnlySpan<short> pcm, int frameSamples = 320)
    {
        IAudioEncoder encoder = G722Codec.Instance.CreateEncoder();
        IAudioDecoder decoder = G722Codec.Instance.CreateDecoder();
        var decoded = new short[pcm.Length];
        var payload = new byte[frameSamples / 2];
        for (int offset = 0; offset + frameSamples <= pcm.Length; offset += frameSamples)
        {
            Assert.Equal(frameSamples / 2, encoder.Encode(pcm.Slice(offset, frameSamples), payload));
            Assert.Equal(frameSamples, decoder.Decode(payload, decoded.AsSpan(offset, frameSamples)));
        }

        return decoded;
    }

    [Theory]
    [InlineData(1000, 10000, 40)]
    [InlineData(1000, 1000, 35)]
    [InlineData(440, 20000, 45)]
    [InlineData(6000, 8000, 20)]
    public void Tone_round_trip_keeps_the_signal(double frequency, double amplitude, double minimumSnrDb)
    {
        short[] tone = Signals.Tone(frequency, SampleRate, SampleRate, amplitude);
        short[] decoded = RoundTrip(tone);

        double snr = Signals.SnrDb(tone, decoded, G722Codec.CodecDelaySamples, SettleSamples);

        output.WriteLine($"{frequency} Hz, amplitude {amplitude}: SNR {snr:F1} dB");
        Assert.True(snr >= minimumSnrDb, $"{frequency} Hz at {amplitude}: SNR {snr:F1} dB");
    }

    [Fact]
    public void Codec_delay_is_the_documented_one()
    {
        // A sweep has one best alignment (a tone repeats every period).
        short[] sweep = Signals.Sweep(100, 7000, SampleRate, SampleRate);
        short[] decoded = RoundTrip(sweep);

        (int delay, double snr) = Signals.BestAlignedSnr(sweep, decoded, MaxDelay, SettleSamples);

        Assert.Equal(G722Codec.CodecDelaySamples, delay);
        Assert.True(snr > 20, $"SNR {snr:F1} dB at the best delay");
    }

    [Fact]
    public void Sweep_round_trip_keeps_the_signal_across_both_sub_bands()
    {
        short[] sweep = Signals.Sweep(100, 7000, SampleRate, 2 * SampleRate);
        short[] decoded = RoundTrip(sweep);

        double snr = Signals.SnrDb(sweep, decoded, G722Codec.CodecDelaySamples, SettleSamples);

        output.WriteLine($"100 Hz-7 kHz sweep: SNR {snr:F1} dB");
        Assert.True(snr >= 22, $"100 Hz–7 kHz sweep: SNR {snr:F1} dB");
    }

    [Fact]
    public void Decoder_output_follows_the_tone_frequency()
    {
        short[] decoded = RoundTrip(Signals.Tone(1000, SampleRate, SampleRate));
        ReadOnlySpan<short> steady = decoded.AsSpan(SettleSamples);

        double at1k = Signals.Amplitude(steady, 1000, SampleRate);
        Assert.InRange(at1k, 9000, 11000);
        foreach (double other in new[] { 500.0, 2000, 3000, 5000, 7000 })
        {
            Assert.True(Signals.Amplitude(steady, other, SampleRate) < at1k / 100, $"{other} Hz leaks more than -40 dB");
        }
    }

    [Fact]
    public void Silence_stays_silent_and_the_decoder_recovers_after_it()
    {
        var silence = new short[SampleRate];
        short[] decodedSilence = RoundTrip(silence);
        Assert.All(decodedSilence, s => Assert.InRange(s, (short)-4, (short)4));

        // Tone, silence, tone: the adaptive scale must shrink and grow back without blowing up.
        short[] tone = Signals.Tone(1000, SampleRate, SampleRate);
        short[] sequence = [.. tone, .. silence, .. tone];
        short[] decoded = RoundTrip(sequence);

        double quiet = Signals.Rms(decoded.AsSpan(SampleRate + SettleSamples, SampleRate - SettleSamples));
        Assert.True(quiet < 10, $"residual during silence {quiet:F1} RMS");
        double snr = Signals.SnrDb(sequence.AsSpan(2 * SampleRate), decoded.AsSpan(2 * SampleRate), G722Codec.CodecDelaySamples, SettleSamples);
        Assert.True(snr >= 30, $"tone after silence: SNR {snr:F1} dB");
    }

    [Fact]
    public void Full_scale_square_wave_saturates_without_wrapping()
    {
        var square = new short[SampleRate];
        for (int i = 0; i < square.Length; i++)
        {
            square[i] = (i / 16 % 2) == 0 ? short.MaxValue : short.MinValue;
        }

        short[] decoded = RoundTrip(square);

        // The 500 Hz fundamental of a full-scale square is 4/π of full scale: it must come out big
        // and with the right sign pattern, not folded over by an overflow.
        double fundamental = Signals.Amplitude(decoded.AsSpan(SettleSamples), 500, SampleRate);
        Assert.InRange(fundamental, 30000, 45000);
    }

    [Fact]
    public void Frame_boundaries_do_not_matter()
    {
        short[] sweep = Signals.Sweep(200, 7000, SampleRate, SampleRate);
        short[] in20ms = RoundTrip(sweep, 320);
        short[] in2ms = RoundTrip(sweep, 32);

        Assert.Equal(in20ms, in2ms);
    }

    [Fact]
    public void Streams_are_independent()
    {
        short[] a = Signals.Tone(1000, SampleRate, 3200);
        short[] b = Signals.Tone(3000, SampleRate, 3200, 5000);
        IAudioEncoder first = G722Codec.Instance.CreateEncoder();
        IAudioEncoder second = G722Codec.Instance.CreateEncoder();
        Assert.NotSame(first, second);

        var interleavedA = new byte[1600];
        var scratch = new byte[160];
        for (int offset = 0; offset < a.Length; offset += 320)
        {
            first.Encode(a.AsSpan(offset, 320), interleavedA.AsSpan(offset / 2, 160));
            second.Encode(b.AsSpan(offset, 320), scratch);
        }

        var alone = new byte[1600];
        G722Codec.Instance.CreateEncoder().Encode(a, alone);
        Assert.Equal(alone, interleavedA);
    }

    [Fact]
    public void Reset_returns_encoder_and_decoder_to_a_fresh_stream()
    {
        short[] tone = Signals.Tone(1000, SampleRate, 640);
        IAudioEncoder encoder = G722Codec.Instance.CreateEncoder();
        IAudioDecoder decoder = G722Codec.Instance.CreateDecoder();
        var first = new byte[320];
        var second = new byte[320];
        var pcmFirst = new short[640];
        var pcmSecond = new short[640];

        encoder.Encode(tone, first);
        decoder.Decode(first, pcmFirst);
        encoder.Reset();
        decoder.Reset();
        encoder.Encode(tone, second);
        decoder.Decode(second, pcmSecond);

        Assert.Equal(first, second);
        Assert.Equal(pcmFirst, pcmSecond);
    }

    [Fact]
    public void Bad_lengths_are_reported_and_leave_state_untouched()
    {
        IAudioEncoder encoder = G722Codec.Instance.CreateEncoder();
        Assert.Equal(CodecResult.InvalidLength, encoder.Encode(new short[321], new byte[200]));
        Assert.Equal(CodecResult.DestinationTooSmall, encoder.Encode(new short[320], new byte[159]));

        IAudioDecoder decoder = G722Codec.Instance.CreateDecoder();
        Assert.Equal(CodecResult.DestinationTooSmall, decoder.Decode(new byte[160], new short[319]));

        // Nothing was consumed: the streams still match fresh ones.
        short[] tone = Signals.Tone(1000, SampleRate, 320);
        var used = new byte[160];
        var fresh = new byte[160];
        encoder.Encode(tone, used);
        G722Codec.Instance.CreateEncoder().Encode(tone, fresh);
        Assert.Equal(fresh, used);
    }

    [Fact]
    public void Any_payload_decodes_to_bounded_audio_without_error()
    {
        IAudioDecoder decoder = G722Codec.Instance.CreateDecoder();
        var random = new Random(722);
        var payload = new byte[160];
        var pcm = new short[320];
        for (int frame = 0; frame < 500; frame++)
        {
            random.NextBytes(payload);
            Assert.Equal(320, decoder.Decode(payload, pcm));
        }

        // Every code repeated: the extreme codes drive the scale factors to their limits.
        for (int code = 0; code < 256; code++)
        {
            Array.Fill(payload, (byte)code);
            Assert.Equal(320, decoder.Decode(payload, pcm));
        }

        // After garbage the decoder still tracks a real stream once reset.
        decoder.Reset();
        short[] tone = Signals.Tone(1000, SampleRate, SampleRate);
        var encoded = new byte[SampleRate / 2];
        G722Codec.Instance.CreateEncoder().Encode(tone, encoded);
        var decoded = new short[SampleRate];
        decoder.Decode(encoded, decoded);
        Assert.True(Signals.SnrDb(tone, decoded, G722Codec.CodecDelaySamples, SettleSamples) > 30);
    }

    [Fact]
    public void Descriptor_keeps_the_rtp_clock_apart_from_the_sample_rate()
    {
        G722Codec codec = G722Codec.Instance;
        Assert.Equal("G722", codec.Name);
        Assert.Equal(9, codec.StaticPayloadType);
        Assert.Equal(8000, codec.RtpClockRate);
        Assert.Equal(16000, codec.SampleRate);
        Assert.Equal(320, codec.SamplesPerFrame);
        Assert.Equal(160, codec.BytesPerFrame);
        Assert.Equal(160, codec.RtpTicksPerFrame);
        Assert.Equal(160, codec.GetRtpTicks(320));
        Assert.False(codec.IsStateless);
        Assert.Equal("G722/8000", codec.ToString());
    }
}
