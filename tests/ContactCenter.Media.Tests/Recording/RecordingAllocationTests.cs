using ContactCenter.Media.Recording;
using ContactCenter.Media.Tests.Codecs;

namespace ContactCenter.Media.Tests.Recording;

public sealed class RecordingAllocationTests
{
    [Theory]
    [InlineData(RecordingLayout.Stereo, RecordingEncoding.Pcm16, 8000)]
    [InlineData(RecordingLayout.Stereo, RecordingEncoding.MuLaw, 8000)]
    [InlineData(RecordingLayout.Mono, RecordingEncoding.ALaw, 16000)]
    public async Task Writing_and_committing_frames_allocates_nothing_on_the_clock_thread(RecordingLayout layout, RecordingEncoding encoding, int rate)
    {
        await using var fixture = new RecordingFixture();
        RecordingSession session = fixture.Start(new RecordingFormat(layout, encoding, rate), queueFrames: 3000);
        short[] narrow = Signals.Tone(400, 8000, 160);
        short[] wide = Signals.Tone(700, 16000, 320);
        Tick(session, narrow, wide, 0);

        long tick = 1;
        long quietest = AllocationProbe.QuietestRound(() =>
        {
            for (int i = 0; i < 600; i++, tick++) Tick(session, narrow, wide, tick);
        });

        RecordingMetadata metadata = await RecordingFixture.StopAsync(session);
        Assert.Equal(0, quietest);
        Assert.Equal(tick, metadata.FramesWritten + metadata.DroppedFrames);
    }

    private static void Tick(RecordingSession session, short[] narrow, short[] wide, long tick)
    {
        // One party at each rate, so the resampling path is measured too.
        session.WriteFrame(0, narrow, false);
        session.WriteFrame(1, wide, false);
        session.OnTick(tick);
    }
}
