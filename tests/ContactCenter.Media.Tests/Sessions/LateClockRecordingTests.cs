using System.Numerics;
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

    [Fact]
    public async Task A_late_clock_catches_up_so_both_channels_are_clean_continuous_sines_as_long_as_the_call()
    {
        var (frames, channels) = await RecordWithStallsAsync(new MediaClockOptions());

        Assert.Equal(TotalTicks, frames);
        AssertContinuousSine(channels[0], 440, "caller (channel 0)");
        AssertContinuousSine(channels[1], 1030, "callee (channel 1)");
    }

    [Fact]
    public async Task Without_catch_up_the_skipped_ticks_cut_the_recording()
    {
        // The behaviour before the fix, kept as an option: this is what the recording looked like.
        var (frames, channels) = await RecordWithStallsAsync(new MediaClockOptions { MaxCatchUpTicks = 0 });

        Assert.Equal(TotalTicks - (Stalls * (StallTicks - 1)), frames);
        Assert.True(PhaseJumps(channels[0], 440) > 0, "no frame slip on channel 0 without catch-up: the test lost its teeth");
        Assert.True(PhaseJumps(channels[1], 1030) > 0, "no frame slip on channel 1 without catch-up: the callee's channel has the defect too");
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

    private async Task<(long Frames, short[][] Channels)> RecordWithStallsAsync(MediaClockOptions clock)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root, clock: clock);
        using var caller = new TonePhone(harness, 440, "0");
        using var callee = new TonePhone(harness, 1030, "0");
        caller.Leg.BridgeWith(callee.Leg);
        caller.Leg.StartRecording(new LegRecordingOptions { Path = $"late-{clock.MaxCatchUpTicks}.wav" });

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

    /// <summary>From the first audible frame to the last whole one: every frame at full amplitude, the phase unbroken.</summary>
    private static void AssertContinuousSine(short[] channel, double frequency, string what)
    {
        var frames = FramePhasors(channel, frequency);
        var start = frames.FindIndex(p => p.Magnitude > 3000);
        Assert.True(start >= 0 && start < Warmup, $"{what}: no audio in the first {Warmup} frames");
        for (var k = start; k < frames.Count; k++)
        {
            Assert.True(frames[k].Magnitude is > 5000 and < 7000, $"{what}: frame {k} amplitude {frames[k].Magnitude:0}");
        }

        Assert.Equal(0, PhaseJumps(channel, frequency));
    }

    /// <summary>Frames whose tone phase (referred to the file's sample clock) differs from the previous frame's: a repeated, dropped or concealed frame.</summary>
    private static int PhaseJumps(short[] channel, double frequency)
    {
        var frames = FramePhasors(channel, frequency);
        var start = frames.FindIndex(p => p.Magnitude > 3000);
        var jumps = 0;
        for (var k = start + 1; k < frames.Count; k++)
        {
            var step = Math.Abs(Math.IEEERemainder(frames[k].Phase - frames[k - 1].Phase, 2 * Math.PI));
            if (step > 0.3)
            {
                jumps++;
            }
        }

        return jumps;
    }

    // One complex amplitude per 20 ms frame (160 samples at 8 kHz), at the same absolute time reference for all frames.
    private static List<Complex> FramePhasors(short[] channel, double frequency)
    {
        const int samples = 160;
        var omega = 2 * Math.PI * frequency / 8000;
        var result = new List<Complex>();
        for (var start = 0; start + samples <= channel.Length; start += samples)
        {
            var sum = Complex.Zero;
            for (var i = start; i < start + samples; i++)
            {
                sum += channel[i] * Complex.FromPolarCoordinates(1, -omega * i);
            }

            result.Add(sum * 2 / samples);
        }

        return result;
    }
}
