using ContactCenter.Media.Codecs;
using ContactCenter.Media.Playback;
using static ContactCenter.Media.Tests.Playback.WavBuilder;

namespace ContactCenter.Media.Tests.Playback;

/// <summary>What the WAV reader accepts, and the typed error for everything it does not.</summary>
public sealed class WavReaderTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    public void Mono_16_bit_pcm_decodes_sample_for_sample(int rate)
    {
        short[] samples = Ramp(1000);
        Assert.Equal(WavError.None, AudioClip.TryLoad(Mono16(samples, (uint)rate), out AudioClip? clip));
        Assert.Equal(rate, clip!.SampleRate);
        Assert.Equal(samples, clip.Samples.ToArray());
        Assert.Equal(TimeSpan.FromTicks(1000L * TimeSpan.TicksPerSecond / rate), clip.Duration);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(6)]
    public void G711_wav_files_decode_through_the_codec_tables(ushort tag)
    {
        byte[] codes = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
        byte[] file = Riff(Format(tag, 1, 8000, 8), Chunk("data", codes));
        Assert.Equal(WavError.None, WavReader.TryDecode(file, out short[] samples, out int rate, out WavEncoding encoding));
        Assert.Equal(8000, rate);
        Assert.Equal(tag == 7 ? WavEncoding.MuLaw : WavEncoding.ALaw, encoding);
        short[] expected = [.. codes.Select(c => tag == 7 ? MuLaw.Decode(c) : ALaw.Decode(c))];
        Assert.Equal(expected, samples);
    }

    [Fact]
    public void Unknown_chunks_with_odd_sizes_are_skipped_with_their_pad_byte()
    {
        short[] samples = Ramp(10);
        byte[] file = Riff(
            Chunk("LIST", [1, 2, 3]),
            Format(1, 1, 8000, 16),
            Chunk("fact", [4, 0, 0, 0, 9]),
            Chunk("data", Pcm16Bytes(samples)),
            Chunk("cue ", [1]));
        Assert.Equal(WavError.None, AudioClip.TryLoad(file, out AudioClip? clip));
        Assert.Equal(samples, clip!.Samples.ToArray());
    }

    [Fact]
    public void The_extensible_format_with_a_pcm_sub_format_is_accepted()
    {
        short[] samples = Ramp(10);
        byte[] file = Riff(Format(1, 1, 16000, 16, extensible: true), Chunk("data", Pcm16Bytes(samples)));
        Assert.Equal(WavError.None, AudioClip.TryLoad(file, out AudioClip? clip));
        Assert.Equal(samples, clip!.Samples.ToArray());
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public void A_streaming_data_size_reads_to_the_end_of_the_file(uint declared)
    {
        short[] samples = Ramp(321);
        byte[] file = Riff(Format(1, 1, 8000, 16), Chunk("data", Pcm16Bytes(samples), declared));
        Assert.Equal(WavError.None, AudioClip.TryLoad(file, out AudioClip? clip));
        Assert.Equal(samples, clip!.Samples.ToArray());
    }

    [Fact]
    public void A_trailing_half_sample_is_ignored()
    {
        short[] samples = Ramp(5);
        byte[] file = Riff(Format(1, 1, 8000, 16), Chunk("data", [.. Pcm16Bytes(samples), 0x7F], 0, pad: false));
        Assert.Equal(WavError.None, AudioClip.TryLoad(file, out AudioClip? clip));
        Assert.Equal(samples, clip!.Samples.ToArray());
    }

    public static TheoryData<string, byte[], WavError> BadFiles()
    {
        byte[] format = Format(1, 1, 8000, 16);
        byte[] data = Chunk("data", Pcm16Bytes(Ramp(100)));
        byte[] good = Riff(format, data);
        return new TheoryData<string, byte[], WavError>
        {
            { "empty", [], WavError.NotWave },
            { "text", "hello, this is not audio"u8.ToArray(), WavError.NotWave },
            { "RIFF but AVI", [.. "RIFF"u8.ToArray(), 4, 0, 0, 0, .. "AVI "u8.ToArray()], WavError.NotWave },
            { "header cut", good[..10], WavError.Truncated },
            { "inside fmt", good[..30], WavError.Truncated },
            { "inside a chunk header", good[..38], WavError.Truncated },
            { "data shorter than declared", good[..^1], WavError.Truncated },
            { "no data chunk", Riff(format), WavError.MissingData },
            { "no fmt chunk", Riff(data), WavError.MissingFormat },
            { "nothing after WAVE", Riff(), WavError.MissingFormat },
            { "short fmt", Riff(Chunk("fmt ", new byte[12]), data), WavError.Truncated },
            { "stereo", Riff(Format(1, 2, 8000, 16), data), WavError.UnsupportedChannels },
            { "44.1 kHz", Riff(Format(1, 1, 44100, 16), data), WavError.UnsupportedSampleRate },
            { "8-bit PCM", Riff(Format(1, 1, 8000, 8), data), WavError.UnsupportedEncoding },
            { "IMA ADPCM", Riff(Format(0x11, 1, 8000, 4), data), WavError.UnsupportedEncoding },
            { "µ-law at 16 bits", Riff(Format(7, 1, 8000, 16), data), WavError.UnsupportedEncoding },
            { "empty data", Riff(format, Chunk("data", [])), WavError.NoAudio },
            { "huge chunk before data", Riff(Chunk("junk", [1, 2], 0x7FFFFFF0), format, data), WavError.Truncated },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_give_a_typed_error_and_no_clip(string description, byte[] file, WavError expected)
    {
        Assert.Equal(expected, AudioClip.TryLoad(file, out AudioClip? clip));
        Assert.Null(clip);
        Assert.NotNull(description);
    }

    [Fact]
    public void Any_prefix_of_a_valid_file_is_an_error_or_a_shorter_clip_never_an_exception()
    {
        byte[] file = Riff(Chunk("LIST", [1, 2, 3]), Format(7, 1, 8000, 8), Chunk("data", new byte[50]));
        for (int length = 0; length < file.Length; length++)
        {
            WavError error = AudioClip.TryLoad(file.AsSpan(0, length), out _);
            Assert.NotEqual(WavError.None, error);
        }

        var random = new Random(11);
        for (int i = 0; i < 2000; i++)
        {
            byte[] mutated = (byte[])file.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            _ = AudioClip.TryLoad(mutated, out _);
        }
    }

    [Fact]
    public void Loading_a_file_maps_io_failures_and_size_limits_to_errors()
    {
        string directory = Path.Combine(Path.GetTempPath(), "cc-wav-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "prompt.wav");
            File.WriteAllBytes(path, Mono16(Ramp(800)));
            Assert.Equal(WavError.None, AudioClip.TryLoadFile(path, out AudioClip? clip));
            Assert.Equal(800, clip!.Samples.Length);
            Assert.Equal(WavError.TooLarge, AudioClip.TryLoadFile(path, out _, maxBytes: 100));
            Assert.Equal(WavError.Unreadable, AudioClip.TryLoadFile(Path.Combine(directory, "missing.wav"), out _));
            Assert.Equal(WavError.Unreadable, AudioClip.TryLoadFile(directory, out _));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
