using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Endpoints;
using ContactCenter.Media.Tests.Ports;
using ContactCenter.Media.Tests.Recording;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>
/// Legs that only a recording listens to read their jitter buffers every few ticks (MediaEngineOptions.RecordingReadTicks),
/// each frame as of its own tick. The file must be the one reading every tick gives, and a pause, a stop or a change
/// of party in between two reads must not lose or misplace the frames still pending.
/// </summary>
public sealed class LazyRecordingReadTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lazy-recording-").FullName;

    [Fact]
    public async Task Reading_every_five_ticks_writes_the_same_file_as_reading_every_tick_through_a_pause_and_a_stop_between_reads()
    {
        var everyTick = await RecordAsync(recordingReadTicks: 1);
        var everyFive = await RecordAsync(recordingReadTicks: 5);

        Assert.Equal(23 + 19, everyTick.SampleFrames / 160);
        Assert.Equal(everyTick.SampleFrames, everyFive.SampleFrames);
        for (var channel = 0; channel < 2; channel++)
        {
            var differing = DifferingFrames(everyTick.Samples[channel], everyFive.Samples[channel]);
            Assert.True(differing.Length == 0, $"channel {channel} differs in frames {string.Join(", ", differing)}");
        }

        Assert.InRange(Signals.Amplitude(everyFive.Samples[0].AsSpan(10 * 160, 10 * 160), 500, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(everyFive.Samples[1].AsSpan(10 * 160, 10 * 160), 1300, 8000), 5000, 7000);
    }

    [Fact]
    public async Task A_new_bridge_peer_between_two_reads_leaves_the_old_peers_pending_frames_on_channel_1()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 3, time: time, recordingDirectory: _root, recordingReadTicks: 5, recordOnArrival: false);
        using var caller = new TonePhone(harness, 500, "0");
        using var first = new TonePhone(harness, 1300, "0");
        using var second = new TonePhone(harness, 700, "0");
        caller.Leg.BridgeWith(first.Leg);
        caller.Leg.StartRecording(new LegRecordingOptions { Path = "transfer.wav" });

        // 23 ticks: not a multiple of five, so whatever the legs' read phase, frames are pending when the peer changes.
        await EngineDriver.RunAsync(harness, time, 23, caller, first);
        caller.Leg.Unbridge();
        caller.Leg.BridgeWith(second.Leg);
        await EngineDriver.RunAsync(harness, time, 27, caller, second);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(metadata);
        Assert.Equal(50, metadata.FramesWritten);
        var wav = ParsedWav.Read(metadata.Path);
        for (var frame = 5; frame < 23; frame++)
        {
            Assert.True(
                Signals.Amplitude(wav.Samples[1].AsSpan(frame * 160, 160), 1300, 8000) > 3000,
                $"frame {frame} of channel 1 lacks the first peer's tone");
        }

        Assert.InRange(Signals.Amplitude(wav.Samples[1].AsSpan(35 * 160, 15 * 160), 700, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(wav.Samples[0].AsSpan(5 * 160, 45 * 160), 500, 8000), 5000, 7000);
    }

    [Fact]
    public async Task A_named_other_party_that_goes_away_does_not_stop_the_recorded_legs_own_channel()
    {
        // The file waits for both parties' frames of a tick; a party nobody reads any more (its leg disposed) must not
        // hold the recorded leg's audio back until the stop.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root);
        using var caller = new TonePhone(harness, 500, "0");
        var agent = new TonePhone(harness, 1300, "0");
        caller.Leg.BridgeWith(agent.Leg);
        caller.Leg.StartRecording(new LegRecordingOptions { Path = "gone.wav", OtherParty = agent.Leg });
        await EngineDriver.RunAsync(harness, time, 20, caller, agent);
        agent.Leg.Dispose();
        agent.Dispose();
        await EngineDriver.RunAsync(harness, time, 30, caller);
        Assert.True(caller.Leg.Recording!.Session.FramesCommitted >= 45, $"{caller.Leg.Recording.Session.FramesCommitted} frames committed before the stop");
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(metadata);
        Assert.Equal(50, metadata.FramesWritten);
        var wav = ParsedWav.Read(metadata.Path);
        Assert.InRange(Signals.Amplitude(wav.Samples[0].AsSpan(30 * 160, 20 * 160), 500, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(wav.Samples[1].AsSpan(5 * 160, 10 * 160), 1300, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(wav.Samples[1].AsSpan(35 * 160, 15 * 160), 1300, 8000), 0, 60);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_read_interval_the_ring_cannot_hold_is_refused_at_construction(int ticks)
    {
        var options = new MediaEngineOptions
        {
            Ports = TestPortRanges.Loopback(1),
            RecordingReadTicks = ticks,
        };

        var error = Assert.Throws<ArgumentException>(() => new MediaEngine(options));
        Assert.Contains("RecordingReadTicks", error.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_writer_rest_outside_zero_to_one_second_is_refused(int milliseconds)
    {
        var options = new ContactCenter.Media.Recording.RecorderOptions { MinimumWakeInterval = TimeSpan.FromMilliseconds(milliseconds) };
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactCenter.Media.Recording.Recorder(options));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static int[] DifferingFrames(short[] expected, short[] actual) =>
        [.. Enumerable.Range(0, expected.Length / 160).Where(f => !expected.AsSpan(f * 160, 160).SequenceEqual(actual.AsSpan(f * 160, 160)))];

    private async Task<ParsedWav> RecordAsync(int recordingReadTicks)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root, recordingReadTicks: recordingReadTicks, recordOnArrival: false);
        using var caller = new TonePhone(harness, 500, "0");
        using var agent = new TonePhone(harness, 1300, "0");
        caller.Leg.BridgeWith(agent.Leg);
        caller.Leg.StartRecording(new LegRecordingOptions { Path = $"every-{recordingReadTicks}.wav" });

        // A silent gap in the caller's stream (a lost packet) makes the jitter buffer conceal: the decoded path too.
        await EngineDriver.RunAsync(harness, time, 12, caller, agent);
        caller.SkipFrame();
        await EngineDriver.RunAsync(harness, time, 11, caller, agent);
        caller.Leg.PauseRecording();
        await EngineDriver.RunAsync(harness, time, 13, caller, agent);
        caller.Leg.ResumeRecording();
        await EngineDriver.RunAsync(harness, time, 19, caller, agent);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(metadata);
        return ParsedWav.Read(metadata.Path);
    }
}
