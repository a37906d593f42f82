using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;
using ContactCenter.Media.Tests.Recording;
using ContactCenter.Media.Timing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>
/// A bridged, recorded call while the media clock's thread is descheduled now and then (a busy box): the phones keep
/// sending in real time, the clock wakes 60 ms late. Seen with two baresip phones under load: the caller's 440 Hz
/// channel lost a frame every 200 ms (the jitter buffer trimming the frames the skipped ticks never read), and the
/// file was shorter than the call. 1000 Hz hid it on channel 1 (160 samples hold a whole number of its periods), so
/// both tones here are frame-slip visible (8.8 and 20.6 periods per frame).
/// </summary>
public sealed class LateClockRecordingTests : IDisposable
{
    private const int Warmup = 10;
    private const int Stalls = 15;
    private const int TicksBetweenStalls = 9;
    private const int StallTicks = 3;
    private const int Tail = 20;
    private const int TotalTicks = Warmup + (Stalls * (TicksBetweenStalls + StallTicks)) + Tail;

    private readonly string _root = Directory.CreateTempSubdirectory("late-clock-").FullName;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_late_clock_catches_up_so_both_channels_are_clean_continuous_sines_as_long_as_the_call(bool recordOnArrival)
    {
        var (frames, channels) = await RecordWithStallsAsync(new MediaClockOptions(), recordOnArrival);

        Assert.Equal(TotalTicks, frames);
        ToneFrames.AssertContinuousSine(channels[0], 440, "caller (channel 0)", Warmup);
        ToneFrames.AssertContinuousSine(channels[1], 1030, "callee (channel 1)", Warmup);
    }

    [Fact]
    public async Task Without_catch_up_the_skipped_ticks_cut_the_recording()
    {
        // The behaviour before the fix, kept as an option: this is what the recording looked like.
        var (frames, channels) = await RecordWithStallsAsync(new MediaClockOptions { MaxCatchUpTicks = 0 }, recordOnArrival: false);

        Assert.Equal(TotalTicks - (Stalls * (StallTicks - 1)), frames);
        Assert.True(ToneFrames.PhaseJumps(channels[0], 440) > 0, "no frame slip on channel 0 without catch-up: the test lost its teeth");
        Assert.True(ToneFrames.PhaseJumps(channels[1], 1030) > 0, "no frame slip on channel 1 without catch-up: the callee's channel has the defect too");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow writer; the temp directory is cleaned eventually.
        }
    }

    private async Task<(long Frames, short[][] Channels)> RecordWithStallsAsync(MediaClockOptions clock, bool recordOnArrival)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root, clock: clock, recordOnArrival: recordOnArrival);
        using var caller = new TonePhone(harness, 440, "0");
        using var callee = new TonePhone(harness, 1030, "0");
        caller.Leg.BridgeWith(callee.Leg);
        var recording = caller.Leg.StartRecording(new LegRecordingOptions { Path = $"late-{clock.MaxCatchUpTicks}-{recordOnArrival}.wav" });
        Assert.Equal(recordOnArrival, recording.FilledOnArrival);

        await EngineDriver.RunAsync(harness, time, Warmup, caller, callee);
        for (var stall = 0; stall < Stalls; stall++)
        {
            await EngineDriver.RunAsync(harness, time, TicksBetweenStalls, caller, callee);

            // The phones send 60 ms of audio in real time while the clock thread sleeps through two deadlines.
            for (var frame = 0; frame < StallTicks; frame++)
            {
                caller.SendFrame();
                callee.SendFrame();
            }

            await MediaTestHarness.WaitUntilAsync(
                () => caller.Leg.Endpoint.Counters.RtpReceived >= caller.FramesSent && callee.Leg.Endpoint.Counters.RtpReceived >= callee.FramesSent,
                "the stalled frames at their legs");
            time.Advance(TimeSpan.FromMilliseconds(20 * StallTicks));
            harness.Engine.Clock.Poll();
        }

        await EngineDriver.RunAsync(harness, time, Tail, caller, callee);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(metadata);
        return (metadata.FramesWritten, ParsedWav.Read(metadata.Path).Samples);
    }
}
