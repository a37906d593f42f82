using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;
using ContactCenter.Media.Tests.Recording;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>
/// A two-party G.711 recording filled as packets arrive (MediaEngineOptions.RecordOnArrival): the media clock does not
/// read the parties at all, the file keeps the call's timeline, and anything else that must go into the file moves the
/// recording to the clock's path without breaking the timeline. Tones of 440 and 1030 Hz: a slipped, repeated or
/// misplaced frame shows as a phase jump (160 samples do not hold a whole number of their periods).
/// </summary>
public sealed class ArrivalRecordingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("arrival-recording-").FullName;

    [Fact]
    public async Task A_bridged_G711_call_is_filled_on_arrival_without_decoding_and_both_channels_are_continuous_tones_as_long_as_the_call()
    {
        using var call = new RecordedCall(_root, "0", "0", "arrival.wav");
        var (harness, time, caller, agent, recording) = call;

        Assert.True(recording.FilledOnArrival);
        Assert.Equal(ArrivalFrames.MinimumCapacity, recording.Session.Arrivals!.Capacity);
        await EngineDriver.RunAsync(harness, time, 80, caller, agent);

        // Nothing decodes either party: the clock has no jitter buffer of theirs to read.
        Assert.Null(caller.Leg.Endpoint.InboundAudio);
        Assert.Null(agent.Leg.Endpoint.InboundAudio);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(metadata);
        Assert.Equal(80, metadata.FramesWritten);
        Assert.Equal(0, metadata.DroppedFrames);
        Assert.Equal(80 * 160, await Sox.SamplesAsync(metadata.Path));
        var wav = ParsedWav.Read(metadata.Path);
        ToneFrames.AssertContinuousSine(wav.Samples[0], 440, "caller (channel 0)", firstAudibleBefore: 6);
        ToneFrames.AssertContinuousSine(wav.Samples[1], 1030, "agent (channel 1)", firstAudibleBefore: 6);
        Assert.Null(caller.Leg.Endpoint.RecordingFeed);
        Assert.Null(agent.Leg.Endpoint.RecordingFeed);
    }

    [Fact]
    public async Task A_player_asking_for_a_channel_moves_the_recording_to_the_clock_at_the_next_tick_and_the_timeline_goes_on()
    {
        using var call = new RecordedCall(_root, "0", "0", "switch.wav");
        var (harness, time, caller, agent, recording) = call;
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);

        _ = recording.Session.GetChannel(1);
        Assert.True(recording.FilledOnArrival); // a tick boundary first
        await EngineDriver.RunAsync(harness, time, 1, caller, agent);
        Assert.False(recording.FilledOnArrival);
        Assert.NotNull(caller.Leg.Endpoint.InboundAudio);
        Assert.NotNull(agent.Leg.Endpoint.InboundAudio);
        Assert.Null(caller.Leg.Endpoint.RecordingFeed);
        await EngineDriver.RunAsync(harness, time, 39, caller, agent);

        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(metadata);
        Assert.Equal(70, metadata.FramesWritten);
        Assert.Equal(0, metadata.OverrunFrames);
        var wav = ParsedWav.Read(metadata.Path);
        foreach (var (channel, frequency) in new[] { (0, 440.0), (1, 1030.0) })
        {
            var frames = ToneFrames.FramePhasors(wav.Samples[channel], frequency);
            // Before the switch from the playout delay on, and after it once the jitter buffer has its first frames: full tone.
            Assert.All(frames.Skip(5).Take(25), f => Assert.InRange(f.Magnitude, 5000, 7000));
            Assert.All(frames.Skip(38), f => Assert.InRange(f.Magnitude, 5000, 7000));
        }

        // The legs decode until the recording ends, then no more.
        Assert.Null(caller.Leg.Endpoint.InboundAudio);
        Assert.Null(agent.Leg.Endpoint.InboundAudio);
    }

    [Theory]
    [InlineData(true, 20)]
    [InlineData(true, 21)]
    [InlineData(true, 23)]
    [InlineData(false, 21)]
    [InlineData(false, 23)]
    public async Task A_pause_on_the_session_itself_takes_effect_at_one_tick_boundary_and_nothing_of_the_pause_reaches_the_file(bool recordOnArrival, int pauseTicks)
    {
        // Called on the session, not the leg's recording: the clock's path reads the parties lazily, and frames read
        // during the pause must not be committed after the resume (a card number in the file).
        using var call = new RecordedCall(_root, "0", "0", $"session-pause-{recordOnArrival}-{pauseTicks}.wav", recordOnArrival);
        var (harness, time, caller, agent, recording) = call;
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);

        Assert.True(recording.Session.Pause());
        Assert.False(recording.FilledOnArrival);
        Assert.Equal(30, recording.Session.FramesCommitted);
        await EngineDriver.RunAsync(harness, time, pauseTicks, caller, agent);
        Assert.True(recording.Session.Resume());
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);

        var metadata = await recording.Session.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(RecordingState.Stopped, caller.Leg.RecordingState); // the session's stop stopped the leg's recording
        var pause = Assert.Single(metadata.Pauses);
        Assert.Equal(TimeSpan.FromMilliseconds(600), pause.FileOffset);
        Assert.Equal(TimeSpan.FromMilliseconds(20 * pauseTicks), pause.Skipped);
        Assert.Equal(60, metadata.FramesWritten);
        Assert.Equal(0, metadata.DroppedFrames);
        Assert.Null(caller.Leg.Endpoint.InboundAudio);
    }

    [Fact]
    public async Task With_the_option_off_or_a_party_already_feeding_another_recording_the_clock_records()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using (var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root, recordOnArrival: false))
        {
            using var caller = new TonePhone(harness, 440, "0");
            using var agent = new TonePhone(harness, 1030, "0");
            caller.Leg.BridgeWith(agent.Leg);
            var recording = caller.Leg.StartRecording(new LegRecordingOptions { Path = "off.wav" });
            Assert.False(recording.FilledOnArrival);
            Assert.NotNull(caller.Leg.Endpoint.InboundAudio);
            await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        using var shared = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root);
        using var one = new TonePhone(shared, 440, "0");
        using var two = new TonePhone(shared, 1030, "0");
        one.Leg.BridgeWith(two.Leg);
        var first = one.Leg.StartRecording(new LegRecordingOptions { Path = "one.wav" });
        var second = two.Leg.StartRecording(new LegRecordingOptions { Path = "two.wav" });
        Assert.True(first.FilledOnArrival);
        Assert.False(second.FilledOnArrival); // both endpoints already feed the first
        await EngineDriver.RunAsync(shared, time, 50, one, two);

        var oneFile = await one.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var twoFile = await two.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(50, oneFile!.FramesWritten);
        Assert.Equal(50, twoFile!.FramesWritten);
        var a = ParsedWav.Read(oneFile.Path);
        var b = ParsedWav.Read(twoFile.Path);
        ToneFrames.AssertContinuousSine(a.Samples[0], 440, "one.wav channel 0", firstAudibleBefore: 6);
        ToneFrames.AssertContinuousSine(a.Samples[1], 1030, "one.wav channel 1", firstAudibleBefore: 6);
        ToneFrames.AssertContinuousSine(b.Samples[0], 1030, "two.wav channel 0", firstAudibleBefore: 6);
        ToneFrames.AssertContinuousSine(b.Samples[1], 440, "two.wav channel 1", firstAudibleBefore: 6);
    }

    [Fact]
    public void A_longer_queue_than_the_default_gives_the_arrival_ring_that_slack()
    {
        using var harness = new MediaTestHarness(pairs: 2, recordingDirectory: _root);
        using var caller = new TonePhone(harness, 440, "0");
        using var agent = new TonePhone(harness, 1030, "0");
        caller.Leg.BridgeWith(agent.Leg);
        var recording = caller.Leg.StartRecording(new LegRecordingOptions { Path = "long-queue.wav", QueueFrames = 1000 });

        Assert.True(recording.FilledOnArrival);
        Assert.Equal(1024, recording.Session.Arrivals!.Capacity);
    }

    [Theory]
    [InlineData("9", "9")]
    [InlineData("0", "8")]
    public async Task A_call_not_in_one_G711_law_end_to_end_is_recorded_by_the_clock(string callerCodec, string agentCodec)
    {
        using var call = new RecordedCall(_root, callerCodec, agentCodec, $"clock-{callerCodec}-{agentCodec}.wav");
        var (harness, time, caller, agent, recording) = call;

        Assert.False(recording.FilledOnArrival);
        Assert.Null(agent.Leg.Endpoint.RecordingFeed);
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(30, metadata!.FramesWritten);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // A 440 Hz caller bridged with a 1030 Hz agent, the caller's leg recorded.
    private sealed class RecordedCall : IDisposable
    {
        public RecordedCall(string root, string callerCodec, string agentCodec, string path, bool recordOnArrival = true)
        {
            Harness = new MediaTestHarness(pairs: 2, time: Time, recordingDirectory: root, recordOnArrival: recordOnArrival);
            Caller = new TonePhone(Harness, 440, callerCodec);
            Agent = new TonePhone(Harness, 1030, agentCodec);
            Caller.Leg.BridgeWith(Agent.Leg);
            Recording = Caller.Leg.StartRecording(new LegRecordingOptions { Path = path });
        }

        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        public MediaTestHarness Harness { get; }

        public TonePhone Caller { get; }

        public TonePhone Agent { get; }

        public LegRecording Recording { get; }

        public void Deconstruct(out MediaTestHarness harness, out FakeTimeProvider time, out TonePhone caller, out TonePhone agent, out LegRecording recording) =>
            (harness, time, caller, agent, recording) = (Harness, Time, Caller, Agent, Recording);

        public void Dispose()
        {
            Caller.Dispose();
            Agent.Dispose();
            Harness.Dispose();
        }
    }
}
