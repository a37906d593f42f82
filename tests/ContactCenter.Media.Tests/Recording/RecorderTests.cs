using ContactCenter.Media.Audio;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

public sealed class RecorderTests
{
    [Theory]
    [InlineData(RecordingEncoding.Pcm16, 8000)]
    [InlineData(RecordingEncoding.Pcm16, 16000)]
    [InlineData(RecordingEncoding.MuLaw, 8000)]
    [InlineData(RecordingEncoding.ALaw, 8000)]
    [InlineData(RecordingEncoding.MuLaw, 16000)]
    public async Task Stereo_file_holds_each_party_on_its_own_channel(RecordingEncoding encoding, int rate)
    {
        await using var fixture = new RecordingFixture();
        var format = new RecordingFormat(RecordingLayout.Stereo, encoding, rate);
        RecordingSession session = fixture.Start(format);

        RecordingFixture.FeedTones(session, 50, rate, 400, 1100);
        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);

        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(format.FormatTag, wav.FormatTag);
        Assert.Equal(2, wav.Channels);
        Assert.Equal(rate, wav.SampleRate);
        Assert.Equal(50 * rate / 50, wav.SampleFrames);
        Assert.Equal(wav.FileLength - 8, wav.RiffSize);
        if (encoding == RecordingEncoding.Pcm16)
        {
            Assert.Equal(16, wav.FormatChunkSize);
            Assert.Null(wav.FactSamples);
        }
        else
        {
            Assert.Equal(18, wav.FormatChunkSize);
            Assert.Equal(wav.SampleFrames, wav.FactSamples);
        }

        Assert.Equal(400, Signals.StrongestFrequency(wav.Samples[0], rate, 50));
        Assert.Equal(1100, Signals.StrongestFrequency(wav.Samples[1], rate, 50));
        Assert.True(Signals.Amplitude(wav.Samples[0], 1100, rate) < 100, "right party leaked into the left channel");
        Assert.True(Signals.Amplitude(wav.Samples[1], 400, rate) < 100, "left party leaked into the right channel");
        Assert.InRange(Signals.Amplitude(wav.Samples[0], 400, rate), 7600, 8400);

        Assert.Equal(session.Path, metadata.Path);
        Assert.Equal(format, metadata.Format);
        Assert.Equal(TimeSpan.FromSeconds(1), metadata.Duration);
        Assert.Equal(50, metadata.FramesWritten);
        Assert.Equal(wav.DataSize, metadata.DataBytes);
        Assert.Equal(wav.FileLength, metadata.FileBytes);
        Assert.Equal(0, metadata.DroppedFrames);
        Assert.Null(metadata.Failure);

        Assert.Equal("2", await Sox.InfoAsync(session.Path, "-c"));
        Assert.Equal(rate.ToString(System.Globalization.CultureInfo.InvariantCulture), await Sox.InfoAsync(session.Path, "-r"));
        Assert.Equal(rate, await Sox.SamplesAsync(session.Path));
        await Sox.DecodeAllAsync(session.Path);
    }

    [Fact]
    public async Task Missing_and_silent_frames_are_silence_and_keep_channels_aligned()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);
        short[] loud = Signals.Tone(1000, 8000, 160, 9000);

        for (int tick = 0; tick < 30; tick++)
        {
            session.WriteFrame(0, loud, silent: false);
            if (tick % 3 == 1)
            {
                session.WriteFrame(1, loud, silent: false);
            }
            else if (tick % 3 == 2)
            {
                session.WriteFrame(1, loud, silent: true); // the content of a silent frame is ignored
            }

            session.OnTick(tick);
        }

        await RecordingFixture.StopAsync(session);
        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(30 * 160, wav.SampleFrames);
        for (int tick = 0; tick < 30; tick++)
        {
            Assert.Equal(loud, wav.Samples[0].AsSpan(tick * 160, 160).ToArray());
            short[] right = wav.Samples[1].AsSpan(tick * 160, 160).ToArray();
            Assert.Equal(tick % 3 == 1 ? loud : new short[160], right);
        }
    }

    [Fact]
    public async Task Mono_mix_sums_parties_and_saturates_instead_of_wrapping()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(new RecordingFormat(RecordingLayout.Mono, RecordingEncoding.Pcm16, 8000), monoParties: 3);
        short[] a = Enumerable.Repeat((short)1000, 160).ToArray();
        short[] b = Enumerable.Repeat((short)-300, 160).ToArray();
        short[] loud = Enumerable.Repeat((short)30000, 160).ToArray();

        session.WriteFrame(0, a, false);
        session.WriteFrame(1, b, false);
        session.OnTick(0);
        session.WriteFrame(0, loud, false);
        session.WriteFrame(2, loud, false);
        session.OnTick(1);
        session.WriteFrame(1, loud.Select(s => (short)-s).ToArray(), false);
        session.WriteFrame(2, loud.Select(s => (short)-s).ToArray(), false);
        session.OnTick(2);

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);
        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(1, wav.Channels);
        Assert.Equal(3, metadata.Parties);
        Assert.All(wav.Samples[0].AsSpan(0, 160).ToArray(), s => Assert.Equal(700, s));
        Assert.All(wav.Samples[0].AsSpan(160, 160).ToArray(), s => Assert.Equal(short.MaxValue, s));
        Assert.All(wav.Samples[0].AsSpan(320, 160).ToArray(), s => Assert.Equal(short.MinValue, s));
    }

    [Theory]
    [InlineData(16000, 8000)]
    [InlineData(8000, 16000)]
    public async Task A_party_at_the_other_rate_is_resampled(int inputRate, int storageRate)
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(new RecordingFormat(RecordingLayout.Stereo, RecordingEncoding.Pcm16, storageRate));

        RecordingFixture.FeedTones(session, 50, inputRate, 1000, 0);
        await RecordingFixture.StopAsync(session);

        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(storageRate, wav.SampleFrames);
        short[] steady = wav.Samples[0][200..];
        Assert.Equal(1000, Signals.StrongestFrequency(steady, storageRate, 50));
        Assert.InRange(Signals.Amplitude(steady, 1000, storageRate), 7800, 8200);
    }

    [Fact]
    public async Task Bad_frames_are_counted_and_recorded_as_silence()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);
        short[] tone = Signals.Tone(500, 8000, 160);

        session.WriteFrame(0, new short[100], false); // wrong length
        session.WriteFrame(2, tone, false);            // no such party
        session.WriteFrame(-1, tone, false);
        session.WriteFrame(1, tone, false);
        session.WriteFrame(1, tone, false);            // twice in one tick
        session.OnTick(0);
        IAudioSink left = session.GetChannel(0);
        Assert.Equal(AudioFormat.Narrowband, left.Format);
        left.WriteFrame(tone, false);
        session.OnTick(1);

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);
        Assert.Equal(3, metadata.InvalidFrames);
        Assert.Equal(1, metadata.OverrunFrames);
        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(new short[160], wav.Samples[0][..160]);
        Assert.Equal(tone, wav.Samples[0][160..320]);
        Assert.Equal(tone, wav.Samples[1][..160]); // the second write of the tick replaced the first
        Assert.Equal(new short[160], wav.Samples[1][160..320]);
    }

    [Fact]
    public async Task Header_is_refreshed_while_recording_not_only_on_close()
    {
        var streams = new List<ControlledStream>();
        await using var fixture = new RecordingFixture(ControlledStream.Factory(streams));
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband, refresh: TimeSpan.FromMilliseconds(200));
        int frameBytes = RecordingFormat.StereoPcm16Narrowband.BytesPerFrame;

        // Ten frames at a time, each batch awaited, so the refreshes fall exactly after frames 10 and 20.
        await RecordingFixture.FeedInStepsAsync(session, streams[0], frames: 25, step: 10, headerBytes: 44);

        ParsedWav live = ParsedWav.Read(session.Path);
        Assert.Equal(20 * 160, live.SampleFrames);
        Assert.Equal(live.DataSize + 36, live.RiffSize);
        Assert.Equal(44 + (25 * frameBytes), live.FileLength);

        await RecordingFixture.StopAsync(session);
        Assert.Equal(25 * 160, ParsedWav.Read(session.Path).SampleFrames);
    }

    [Fact]
    public async Task Stop_is_idempotent_and_frames_after_it_are_ignored()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);
        RecordingFixture.FeedTones(session, 5, 8000, 400, 700);

        Task<RecordingMetadata> first = session.StopAsync();
        RecordingFixture.FeedTones(session, 5, 8000, 400, 700);
        RecordingMetadata metadata = await first.WaitAsync(RecordingFixture.Timeout);
        RecordingMetadata again = await RecordingFixture.StopAsync(session);

        Assert.Same(metadata, again);
        Assert.Equal(5, metadata.FramesWritten);
        Assert.Equal(5 * 160, ParsedWav.Read(session.Path).SampleFrames);
        Assert.Equal(0, fixture.Recorder.ActiveRecordings);
    }

    [Fact]
    public async Task Frames_below_the_writer_batch_are_written_at_stop()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband, writerBatchFrames: 5);
        RecordingFixture.FeedTones(session, 3, 8000, 400, 700);
        Assert.Equal(3, session.QueuedFrames); // not worth a wake-up yet

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);

        Assert.Equal(3, metadata.FramesWritten);
        Assert.Equal(0, session.QueuedFrames);
        Assert.Equal(3 * 160, ParsedWav.Read(session.Path).SampleFrames);
    }

    [Fact]
    public async Task Start_refuses_an_existing_file_and_bad_options_with_clear_errors()
    {
        await using var fixture = new RecordingFixture();
        string path = fixture.File("taken.wav");
        await File.WriteAllTextAsync(path, "keep me");

        Assert.Throws<IOException>(() => fixture.Recorder.Start(new RecordingOptions { Path = path }));
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Start(new RecordingFormat(RecordingLayout.Stereo, RecordingEncoding.Pcm16, 44100), "a.wav"));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Start(new RecordingFormat(RecordingLayout.Mono, RecordingEncoding.Pcm16, 8000), "b.wav", monoParties: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Start(RecordingFormat.StereoPcm16Narrowband, "c.wav", queueFrames: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => fixture.Start(RecordingFormat.StereoPcm16Narrowband, "d.wav", queueFrames: 10, writerBatchFrames: 6));
        Assert.Equal(0, fixture.Recorder.ActiveRecordings);
    }

    [Fact]
    public async Task Directories_are_created_and_dispose_finishes_open_recordings()
    {
        var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband, Path.Combine("2025", "03", "14", "call.wav"));
        RecordingFixture.FeedTones(session, 10, 8000, 400, 700);

        await fixture.Recorder.DisposeAsync().AsTask().WaitAsync(RecordingFixture.Timeout);

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);
        Assert.Equal(10, metadata.FramesWritten);
        Assert.Equal(10 * 160, ParsedWav.Read(session.Path).SampleFrames);
        Assert.Throws<ObjectDisposedException>(() => fixture.Start(RecordingFormat.StereoPcm16Narrowband, "late.wav"));
        await fixture.DisposeAsync();
    }
}
