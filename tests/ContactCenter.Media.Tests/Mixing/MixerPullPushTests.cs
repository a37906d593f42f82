using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Mixing;

public sealed class MixerPullPushTests
{
    [Fact]
    public void Legs_joined_with_a_source_and_a_sink_are_pulled_and_pushed_each_tick()
    {
        var mixer = new ConferenceMixer();
        var aIn = new ToneSource(AudioFormat.Narrowband, 400);
        var bIn = new ToneSource(AudioFormat.Wideband, 700);
        var cIn = new ToneSource(AudioFormat.Narrowband, 1100);
        var aOut = new CollectingSink(AudioFormat.Narrowband);
        var bOut = new CollectingSink(AudioFormat.Wideband);
        var cOut = new CollectingSink(AudioFormat.Narrowband);
        mixer.Join(AudioFormat.Narrowband, aIn, aOut);
        mixer.Join(AudioFormat.Wideband, bIn, bOut);
        mixer.Join(AudioFormat.Narrowband, cIn, cOut);

        for (int tick = 0; tick < 50; tick++)
        {
            mixer.OnTick(tick);
        }

        Assert.Equal(50, aIn.Reads);
        Assert.Equal(50, aOut.Frames);
        short[] a = aOut.After(5);
        short[] b = bOut.After(5);
        short[] c = cOut.After(5);
        Assert.True(Signals.Amplitude(a, 700, 8000) > 7500 && Signals.Amplitude(a, 1100, 8000) > 7500);
        Assert.True(Signals.Amplitude(a, 400, 8000) < 40);
        Assert.True(Signals.Amplitude(b, 400, 16000) > 7500 && Signals.Amplitude(b, 1100, 16000) > 7500);
        Assert.True(Signals.Amplitude(b, 700, 16000) < 40);
        Assert.True(Signals.Amplitude(c, 400, 8000) > 7500 && Signals.Amplitude(c, 700, 8000) > 7500);
        Assert.True(Signals.Amplitude(c, 1100, 8000) < 40);
    }

    [Fact]
    public void A_source_or_sink_of_another_rate_is_refused()
    {
        var mixer = new ConferenceMixer();
        Assert.Throws<ArgumentOutOfRangeException>(() => mixer.Join(AudioFormat.Narrowband, new ToneSource(AudioFormat.Wideband, 400)));
        Assert.Throws<ArgumentOutOfRangeException>(() => mixer.Join(AudioFormat.Narrowband, null, new CollectingSink(AudioFormat.Wideband)));
        Assert.Empty(mixer.Participants);
    }

    private sealed class ToneSource(AudioFormat format, double frequency) : IAudioSource
    {
        private long _sent;

        public AudioFormat Format => format;

        public int Reads { get; private set; }

        public bool ReadFrame(Span<short> frame)
        {
            Reads++;
            for (int n = 0; n < frame.Length; n++)
            {
                frame[n] = (short)Math.Round(8000 * Math.Sin(2 * Math.PI * frequency * (_sent + n) / format.SampleRate));
            }

            _sent += frame.Length;
            return true;
        }
    }

    private sealed class CollectingSink(AudioFormat format) : IAudioSink
    {
        private readonly List<short> _samples = [];

        public AudioFormat Format => format;

        public int Frames { get; private set; }

        public void WriteFrame(ReadOnlySpan<short> frame, bool silent)
        {
            Frames++;
            Assert.Equal(format.SamplesPerFrame, frame.Length);
            foreach (short s in frame)
            {
                _samples.Add(silent ? (short)0 : s);
            }
        }

        public short[] After(int ticks) => [.. _samples.Skip(ticks * format.SamplesPerFrame)];
    }
}
