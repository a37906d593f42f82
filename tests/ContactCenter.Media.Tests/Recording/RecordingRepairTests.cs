using System.Buffers.Binary;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

public sealed class RecordingRepairTests
{
    [Theory]
    [InlineData(RecordingLayout.Stereo, RecordingEncoding.Pcm16, 8000)]
    [InlineData(RecordingLayout.Stereo, RecordingEncoding.MuLaw, 8000)]
    [InlineData(RecordingLayout.Mono, RecordingEncoding.ALaw, 16000)]
    public async Task A_recording_cut_off_by_a_crash_is_repaired_and_plays_in_sox(RecordingLayout layout, RecordingEncoding encoding, int rate)
    {
        var streams = new List<ControlledStream>();
        await using var fixture = new RecordingFixture(ControlledStream.Factory(streams));
        var format = new RecordingFormat(layout, encoding, rate);
        string dayDirectory = Path.Combine(fixture.Root, "recordings", "2025", "03", "14");
        RecordingSession session = fixture.Recorder.Start(new RecordingOptions
        {
            Path = Path.Combine(dayDirectory, "crashed.wav"),
            Format = format,
            HeaderRefreshInterval = TimeSpan.FromMilliseconds(200),
            WriterBatchFrames = 1,
        });
        int headerBytes = encoding == RecordingEncoding.Pcm16 ? 44 : 58;

        // Ten frames at a time, each awaited: the header is refreshed after frames 10, 20, ... 50, not after 57.
        await RecordingFixture.FeedInStepsAsync(session, streams[0], frames: 57, step: 10, headerBytes: headerBytes, 400, 1100);
        streams[0].Crash();
        await RecordingFixture.StopAsync(session); // the final header never reaches the file
        await using (var torn = new FileStream(session.Path, FileMode.Append))
        {
            torn.Write([1]); // part of a sample frame from a torn write
        }

        ParsedWav crashed = ParsedWav.Read(session.Path);
        Assert.Equal(50 * format.SamplesPerFrame, crashed.SampleFrames); // the last refresh, 7 frames behind the data

        RecordingRepairReport report = RecordingRepair.RepairDirectory(Path.Combine(fixture.Root, "recordings"));

        WavRepairResult result = Assert.Single(report.Files);
        Assert.Equal(WavRepairOutcome.Repaired, result.Outcome);
        Assert.Equal(1, report.Repaired);
        Assert.Equal(57L * format.BytesPerFrame, result.DataBytes);
        Assert.Equal(1, result.TruncatedBytes);
        Assert.Equal(crashed.DataSize, result.DeclaredDataBytes);

        ParsedWav repaired = ParsedWav.Read(session.Path);
        Assert.Equal(57 * format.SamplesPerFrame, repaired.SampleFrames);
        Assert.Equal(repaired.FileLength - 8, repaired.RiffSize);
        Assert.Equal(headerBytes + (57L * format.BytesPerFrame), repaired.FileLength);
        if (encoding != RecordingEncoding.Pcm16)
        {
            Assert.Equal(repaired.SampleFrames, repaired.FactSamples);
        }

        if (layout == RecordingLayout.Stereo)
        {
            Assert.Equal(1100, Signals.StrongestFrequency(repaired.Samples[1][^format.SamplesPerFrame..], rate, 50));
        }

        Assert.Equal(57L * format.SamplesPerFrame, await Sox.SamplesAsync(session.Path)); // sox counts per channel
        Assert.Equal(format.Channels.ToString(System.Globalization.CultureInfo.InvariantCulture), await Sox.InfoAsync(session.Path, "-c"));
        Assert.Equal("1.140000", await Sox.InfoAsync(session.Path, "-D"));
        await Sox.DecodeAllAsync(session.Path);

        RecordingRepairReport second = RecordingRepair.RepairDirectory(Path.Combine(fixture.Root, "recordings"));
        Assert.Equal(WavRepairOutcome.Healthy, Assert.Single(second.Files).Outcome);
    }

    [Fact]
    public async Task Healthy_files_and_other_files_are_left_untouched()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband, Path.Combine("a", "good.wav"));
        RecordingFixture.FeedTones(session, 5, 8000, 400, 700);
        await RecordingFixture.StopAsync(session);
        byte[] good = await File.ReadAllBytesAsync(session.Path);
        string text = fixture.File(Path.Combine("a", "notes.WAV"));
        await File.WriteAllTextAsync(text, "not a wave file at all");
        string stub = fixture.File("stub.wav");
        await File.WriteAllBytesAsync(stub, "RIFF\0\0\0\0WAVEfmt "u8.ToArray());
        string other = fixture.File("readme.txt");
        await File.WriteAllTextAsync(other, "ignored");

        RecordingRepairReport report = RecordingRepair.RepairDirectory(fixture.Root);

        Assert.Equal(3, report.Files.Count);
        Assert.Equal(1, report.Healthy);
        Assert.Equal(2, report.Skipped);
        Assert.Equal(0, report.Repaired);
        Assert.Equal(good, await File.ReadAllBytesAsync(session.Path));
        Assert.Equal("not a wave file at all", await File.ReadAllTextAsync(text));
        Assert.Contains(report.Files, f => f.Path == text && f.Reason == "not a RIFF/WAVE file");
        Assert.Empty(RecordingRepair.RepairDirectory(fixture.File("missing")).Files);
    }

    [Fact]
    public async Task A_file_whose_header_was_never_refreshed_gets_all_its_whole_frames()
    {
        await using var fixture = new RecordingFixture();
        // As the recorder leaves a file that crashed before its first refresh: sizes 0, audio after the header.
        string path = fixture.File("early.wav");
        byte[] header = new byte[58];
        WriteCompandedHeader(header, channels: 1, rate: 8000, tag: 7);
        byte[] audio = new byte[1601];
        Random.Shared.NextBytes(audio);
        await File.WriteAllBytesAsync(path, [.. header, .. audio]);

        WavRepairResult result = RecordingRepair.RepairFile(path);

        Assert.Equal(WavRepairOutcome.Repaired, result.Outcome);
        Assert.Equal(0, result.DeclaredDataBytes);
        Assert.Equal(1600, result.DataBytes);
        Assert.Equal(1, result.TruncatedBytes);
        ParsedWav wav = ParsedWav.Read(path);
        Assert.Equal(1600u, wav.DataSize);
        Assert.Equal(1600, wav.FactSamples);
        Assert.Equal(58 + 1600, wav.FileLength);
        Assert.Equal(1600, await Sox.SamplesAsync(path));
    }

    [Fact]
    public void A_header_that_claims_more_than_the_file_holds_is_shrunk()
    {
        using var directory = new TempDirectory();
        string path = directory.File("overclaim.wav");
        byte[] file = new byte[44 + 640];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 36 + 6400);
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(22), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(28), 32000);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(32), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(34), 16);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), 6400);
        File.WriteAllBytes(path, file);

        WavRepairResult result = RecordingRepair.RepairFile(path);

        Assert.Equal(WavRepairOutcome.Repaired, result.Outcome);
        Assert.Equal(6400, result.DeclaredDataBytes);
        Assert.Equal(640, result.DataBytes);
        Assert.Equal(160, ParsedWav.Read(path).SampleFrames);
    }

    [Fact]
    public void An_unreadable_path_is_reported_not_thrown()
    {
        using var directory = new TempDirectory();
        WavRepairResult result = RecordingRepair.RepairFile(directory.File("gone.wav"));
        Assert.Equal(WavRepairOutcome.Failed, result.Outcome);
    }

    private static void WriteCompandedHeader(Span<byte> header, ushort channels, uint rate, ushort tag)
    {
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 50);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 18);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], rate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], rate * channels);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], channels);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 8);
        "fact"u8.CopyTo(header[38..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], 4);
        "data"u8.CopyTo(header[50..]);
    }
}
