using System.Diagnostics;
using System.Runtime.CompilerServices;
using ContactCenter.Media.Assets;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Playback;

namespace ContactCenter.Media.Tests.Playback;

/// <summary>The shipped music on hold: present in the assembly, what the generator makes, 30 s of real music in the voice band.</summary>
public sealed class DefaultMusicOnHoldTests
{
    /// <summary>Set to 1 to rewrite src/ContactCenter.Media/Assets/moh-default.wav from the generator.</summary>
    private const string RegenerateVariable = "CC_WRITE_MOH_ASSET";

    [Fact]
    public void The_embedded_asset_is_a_30_second_16_kHz_clip()
    {
        AudioClip clip = DefaultMusicOnHold.Clip;
        Assert.Equal(16000, clip.SampleRate);
        Assert.Equal(TimeSpan.FromSeconds(30), clip.Duration);
        Assert.Same(clip, DefaultMusicOnHold.Clip);
    }

    [Fact]
    public void The_embedded_asset_is_what_the_generator_makes()
    {
        short[] generated = MusicOnHoldGenerator.Generate();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllBytes(AssetPath(), WavFileWriter.Pcm16(generated, MusicOnHoldGenerator.SampleRate));
        }

        ReadOnlySpan<short> shipped = DefaultMusicOnHold.Clip.Samples.Span;
        Assert.Equal(generated.Length, shipped.Length);
        for (int i = 0; i < generated.Length; i++)
        {
            Assert.True(Math.Abs(generated[i] - shipped[i]) <= 1, $"sample {i}: generated {generated[i]}, shipped {shipped[i]}");
        }
    }

    [Fact]
    public void The_music_has_its_energy_in_the_voice_band_all_the_way_through()
    {
        ReadOnlySpan<short> samples = DefaultMusicOnHold.Clip.Samples.Span;
        for (int second = 0; second < 30; second += 3)
        {
            ReadOnlySpan<short> window = samples.Slice(second * 16000, 16000);
            double rms = AudioMeasure.Rms(window);
            Assert.InRange(AudioMeasure.Decibels(rms / short.MaxValue), -30, -9);

            // Sum the 10 Hz bins: the share of power between 300 and 3400 Hz.
            double total = 0;
            double band = 0;
            for (int f = 10; f < 8000; f += 10)
            {
                double amplitude = AudioMeasure.Amplitude(window, f, 16000);
                double power = amplitude * amplitude / 2;
                total += power;
                if (f is >= 300 and <= 3400)
                {
                    band += power;
                }
            }

            Assert.True(band / total > 0.6, $"second {second}: only {band / total:P0} in the voice band");
        }
    }

    [Fact]
    public void The_music_survives_the_trip_to_narrowband_and_loops_without_a_seam()
    {
        var player = new WavPlayer(DefaultMusicOnHold.Clip, AudioFormat.Narrowband, loop: true);
        var frame = new short[160];
        int frames = (30 * 50) + 10;
        short last = 0;
        int biggestJumpAtSeam = 0;
        for (int f = 0; f < frames; f++)
        {
            Assert.True(player.ReadFrame(frame));
            if (f == 30 * 50)
            {
                biggestJumpAtSeam = Math.Abs(frame[0] - last);
            }

            last = frame[^1];
        }

        Assert.InRange(AudioMeasure.Rms(DefaultMusicOnHold.Clip.ConvertTo(8000).Samples.Span), 1000, 12000);
        Assert.True(biggestJumpAtSeam < 2000, $"loop seam jumps by {biggestJumpAtSeam}");
    }

    [Fact]
    public void Sox_accepts_the_shipped_file()
    {
        if (!File.Exists("/usr/bin/sox"))
        {
            Assert.Fail("sox is not installed (apt-get install sox); it is the reference reader for this check.");
        }

        var start = new ProcessStartInfo("/usr/bin/sox", ["--info", AssetPath()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process sox = Process.Start(start)!;
        string output = sox.StandardOutput.ReadToEnd();
        string errors = sox.StandardError.ReadToEnd();
        if (!sox.WaitForExit(10_000))
        {
            sox.Kill();
            Assert.Fail("sox --info did not finish within 10 s.");
        }

        Assert.True(sox.ExitCode == 0, errors);
        Assert.Contains("Sample Rate    : 16000", output);
        Assert.Contains("Channels       : 1", output);
        Assert.Contains("00:00:30.00 = 480000 samples", output);
        Assert.Contains("16-bit Signed Integer PCM", output);
    }

    private static string AssetPath([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(testFile)!, "..", "..", "..", "src", "ContactCenter.Media", "Assets", "moh-default.wav"));
}
