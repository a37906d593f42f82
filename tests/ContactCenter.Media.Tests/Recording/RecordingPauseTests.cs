using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

public sealed class RecordingPauseTests
{
    [Fact]
    public async Task Nothing_is_written_while_paused_and_the_gap_is_reported()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);
        short[] before = Signals.Tone(400, 8000, 160);
        short[] secret = Signals.Tone(1900, 8000, 160);
        short[] after = Signals.Tone(700, 8000, 160);

        Feed(session, before, 10);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True(session.Pause());
        Assert.False(session.Pause());
        Assert.True(session.IsPaused);
        Feed(session, secret, 15);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True(session.Resume());
        Assert.False(session.Resume());
        Feed(session, after, 5);

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);

        ParsedWav wav = ParsedWav.Read(session.Path);
        Assert.Equal(15 * 160, wav.SampleFrames);
        Assert.True(Signals.Amplitude(wav.Samples[0], 1900, 8000) < 50, "paused audio reached the file");
        Assert.Equal(before, wav.Samples[0][..160]);
        Assert.Equal(after, wav.Samples[1][(14 * 160)..]);

        RecordingPause pause = Assert.Single(metadata.Pauses);
        Assert.Equal(TimeSpan.FromMilliseconds(200), pause.FileOffset);
        Assert.Equal(TimeSpan.FromMilliseconds(300), pause.Skipped);
        Assert.Equal(fixture.Time.GetUtcNow().AddMilliseconds(-300), pause.PausedAt);
        Assert.Equal(fixture.Time.GetUtcNow(), pause.ResumedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(300), metadata.Duration);
    }

    [Fact]
    public async Task Stopping_while_paused_closes_the_interval()
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(RecordingFormat.StereoPcm16Narrowband);
        Feed(session, Signals.Tone(400, 8000, 160), 3);
        session.Pause();
        Feed(session, Signals.Tone(400, 8000, 160), 4);
        fixture.Time.Advance(TimeSpan.FromSeconds(1));

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);

        RecordingPause pause = Assert.Single(metadata.Pauses);
        Assert.Equal(TimeSpan.FromMilliseconds(60), pause.FileOffset);
        Assert.Equal(TimeSpan.FromMilliseconds(80), pause.Skipped);
        Assert.Equal(TimeSpan.FromSeconds(1), pause.ResumedAt - pause.PausedAt);
        Assert.Equal(3 * 160, ParsedWav.Read(session.Path).SampleFrames);
        Assert.False(session.Resume());
    }

    private static void Feed(RecordingSession session, short[] frame, int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            session.WriteFrame(0, frame, false);
            session.WriteFrame(1, frame, false);
            session.OnTick(i);
        }
    }
}
