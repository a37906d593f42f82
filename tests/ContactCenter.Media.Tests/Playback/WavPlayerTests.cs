using ContactCenter.Media.Audio;
using ContactCenter.Media.Playback;

namespace ContactCenter.Media.Tests.Playback;

public sealed class WavPlayerTests
{
    [Fact]
    public void A_clip_plays_once_with_its_last_frame_padded_then_reports_finished()
    {
        short[] samples = WavBuilder.Ramp(400);
        var player = new WavPlayer(AudioClip.FromPcm(samples, 8000), AudioFormat.Narrowband);
        var frame = new short[160];
        var played = new List<short>();
        for (int f = 0; f < 3; f++)
        {
            Assert.True(player.ReadFrame(frame));
            played.AddRange(frame);
        }

        Assert.Equal(samples, played.Take(400));
        Assert.All(played.Skip(400), s => Assert.Equal(0, s));
        Assert.True(player.IsFinished);
        Assert.False(player.ReadFrame(frame));
        Assert.All(frame, s => Assert.Equal(0, s));

        player.Rewind();
        Assert.False(player.IsFinished);
        Assert.True(player.ReadFrame(frame));
        Assert.Equal(samples.Take(160), frame);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(50)]
    [InlineData(1)]
    public void A_looping_clip_joins_its_end_to_its_start_without_a_gap(int length)
    {
        short[] samples = WavBuilder.Ramp(length);
        var player = new WavPlayer(AudioClip.FromPcm(samples, 8000), AudioFormat.Narrowband, loop: true);
        var frame = new short[160];
        var played = new List<short>();
        for (int f = 0; f < 10; f++)
        {
            Assert.True(player.ReadFrame(frame));
            played.AddRange(frame);
        }

        for (int i = 0; i < played.Count; i++)
        {
            Assert.Equal(samples[i % length], played[i]);
        }

        Assert.False(player.IsFinished);
        Assert.Equal(TimeSpan.FromTicks(1600L % length * TimeSpan.TicksPerSecond / 8000), player.Position);
    }

    [Fact]
    public void Turning_the_loop_off_lets_the_clip_finish_at_its_end()
    {
        var player = new WavPlayer(AudioClip.FromPcm(WavBuilder.Ramp(320), 8000), AudioFormat.Narrowband, loop: true);
        var frame = new short[160];
        player.ReadFrame(frame);
        player.Loop = false;
        Assert.True(player.ReadFrame(frame));
        Assert.True(player.IsFinished);
        Assert.False(player.ReadFrame(frame));
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    public void A_clip_plays_at_the_listener_rate_with_the_same_pitch_level_and_length(int clipRate, int outputRate)
    {
        short[] tone = [.. Enumerable.Range(0, clipRate).Select(n => (short)Math.Round(10000 * Math.Sin(2 * Math.PI * 1000 * n / clipRate)))];
        AudioClip clip = AudioClip.FromPcm(tone, clipRate);
        var player = new WavPlayer(clip, new AudioFormat(outputRate));
        var output = new List<short>();
        var frame = new short[outputRate / 50];
        while (player.ReadFrame(frame))
        {
            output.AddRange(frame);
        }

        Assert.Equal(outputRate, output.Count);
        short[] middle = [.. output.Skip(outputRate / 4).Take(outputRate / 2)];
        Assert.InRange(AudioMeasure.Decibels(AudioMeasure.Amplitude(middle, 1000, outputRate) / 10000), -0.05, 0.05);
        Assert.True(AudioMeasure.Amplitude(middle, 3000, outputRate) < 10);

        // Aligned: the converted copy starts in phase with the original (the filter delay is removed).
        double expectedAtQuarter = 10000 * Math.Sin(2 * Math.PI * 1000 * (outputRate / 4) / outputRate);
        Assert.InRange(output[outputRate / 4], expectedAtQuarter - 50, expectedAtQuarter + 50);
    }

    [Fact]
    public void Players_share_one_converted_copy_of_the_clip()
    {
        AudioClip clip = AudioClip.FromPcm(WavBuilder.Ramp(8000), 8000);
        AudioClip wide = clip.ConvertTo(16000);
        Assert.Same(wide, clip.ConvertTo(16000));
        Assert.Same(clip, clip.ConvertTo(8000));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var players = new WavPlayer[1000];
        for (int i = 0; i < players.Length; i++)
        {
            players[i] = new WavPlayer(clip, AudioFormat.Wideband, loop: true);
        }

        long perPlayer = (GC.GetAllocatedBytesForCurrentThread() - before) / players.Length;
        Assert.True(perPlayer < 100, $"{perPlayer} bytes per player");
    }

    [Fact]
    public void Playing_frames_allocates_nothing()
    {
        var player = new WavPlayer(AudioClip.FromPcm(WavBuilder.Ramp(1234), 8000), AudioFormat.Wideband, loop: true);
        var frame = new short[320];
        player.ReadFrame(frame);
        long allocated = AllocationProbe.QuietestRound(() =>
        {
            for (int i = 0; i < 5000; i++) player.ReadFrame(frame);
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Clips_reject_impossible_rates_and_empty_audio()
    {
        Assert.Throws<ArgumentException>(() => AudioClip.FromPcm([1, 2, 3], 44100));
        Assert.Throws<ArgumentException>(() => AudioClip.FromPcm([], 8000));
        Assert.Throws<ArgumentException>(() => AudioClip.FromPcm([1], 8000).ConvertTo(32000));
    }
}
