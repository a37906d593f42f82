using System.Buffers.Binary;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Codecs;
using ContactCenter.Media.Tests.Endpoints;
using ContactCenter.Media.Tests.Recording;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Media.Tests.Sessions;

public sealed class LegRecordingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("leg-recording-").FullName;

    [Fact]
    public async Task ABridgedCall_IsRecordedInStereo_EachChannelHoldingItsPartysTone()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root);
        using var caller = new TonePhone(harness, 500, "0");
        using var agent = new TonePhone(harness, 1300, "0");
        caller.Leg.BridgeWith(agent.Leg);
        Assert.Same(agent.Leg, caller.Leg.BridgedPeer);
        var recording = caller.Leg.StartRecording(new LegRecordingOptions { Path = "2026/11/24/call-1.wav" });
        Assert.Same(agent.Leg, recording.OtherParty);
        Assert.Equal(RecordingState.Recording, caller.Leg.RecordingState);
        Assert.Throws<InvalidOperationException>(() => caller.Leg.StartRecording(new LegRecordingOptions { Path = "again.wav" }));
        Assert.Throws<ArgumentException>(() => agent.Leg.StartRecording(new LegRecordingOptions { Path = "../escape.wav" }));

        await EngineDriver.RunAsync(harness, time, 100, caller, agent);
        var metadata = await caller.Leg.StopRecordingAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(metadata);
        Assert.Equal(RecordingState.Stopped, caller.Leg.RecordingState);
        Assert.Equal(0, harness.Engine.ActiveRecordings);
        Assert.Equal(Path.Combine(_root, "2026", "11", "24", "call-1.wav"), metadata.Path);
        Assert.Equal(100, metadata.FramesWritten);
        Assert.Equal(TimeSpan.FromSeconds(2), metadata.Duration);
        Assert.Null(metadata.Failure);

        Assert.Equal("2", await Sox.InfoAsync(metadata.Path, "-c"));
        var wav = ParsedWav.Read(metadata.Path);
        var callerChannel = wav.Samples[0].AsSpan(20 * 160, 60 * 160);
        var agentChannel = wav.Samples[1].AsSpan(20 * 160, 60 * 160);
        Assert.InRange(Signals.Amplitude(callerChannel, 500, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(callerChannel, 1300, 8000), 0, 60);
        Assert.InRange(Signals.Amplitude(agentChannel, 1300, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(agentChannel, 500, 8000), 0, 60);

        // The same-codec bridge relays meanwhile: each phone hears the other.
        await MediaTestHarness.WaitUntilAsync(() => agent.Received.Count >= 100 && caller.Received.Count >= 100, "the relayed tones");
        Assert.InRange(Signals.Amplitude(agent.Heard(), 500, 8000), 5000, 7000);
        Assert.InRange(Signals.Amplitude(caller.Heard(), 1300, 8000), 5000, 7000);
    }

    [Fact]
    public async Task PausedRecording_WritesNothingWhilePaused_AndReportsThePause()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = new MediaTestHarness(pairs: 2, time: time, recordingDirectory: _root);
        using var caller = new TonePhone(harness, 500, "8");
        using var agent = new TonePhone(harness, 1300, "8");
        caller.Leg.BridgeWith(agent.Leg);
        caller.Leg.StartRecording(new LegRecordingOptions { Path = "paused.wav", Format = new RecordingFormat(RecordingLayout.Stereo, RecordingEncoding.ALaw, 8000) });
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);
        caller.Leg.PauseRecording();
        Assert.Equal(RecordingState.Paused, caller.Leg.RecordingState);
        await EngineDriver.RunAsync(harness, time, 20, caller, agent);
        caller.Leg.ResumeRecording();
        await EngineDriver.RunAsync(harness, time, 30, caller, agent);
        var metadata = await caller.Leg.StopRecordingAsync();

        Assert.NotNull(metadata);
        Assert.Equal(60, metadata.FramesWritten);
        var pause = Assert.Single(metadata.Pauses);
        Assert.Equal(TimeSpan.FromMilliseconds(400), pause.Skipped);
        Assert.Equal(TimeSpan.FromMilliseconds(600), pause.FileOffset);
        Assert.Equal(TimeSpan.FromMilliseconds(400), pause.ResumedAt - pause.PausedAt);
        Assert.Equal(60 * 160, (await Sox.SamplesAsync(metadata.Path)));
    }

    [Fact]
    public async Task EngineStart_RepairsRecordingsACrashLeftBehind_BeforeAnyRecordingStarts()
    {
        // A 1 s mono PCM16 recording whose header was last refreshed at 0.2 s, plus a torn odd byte.
        var path = Path.Combine(_root, "crashed", "call-7.wav");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tone = Signals.Tone(800, 8000, 8000, 8000);
        var bytes = new byte[44 + (tone.Length * 2) + 1];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 36 + 3200);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), 16000);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), 3200);
        for (var i = 0; i < tone.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + (2 * i)), tone[i]);
        }

        await File.WriteAllBytesAsync(path, bytes);
        Assert.Equal("0.200000", await Sox.InfoAsync(path, "-D"));

        using (var harness = new MediaTestHarness(pairs: 1, recordingDirectory: _root))
        {
            var report = harness.Engine.StartupRepair;
            Assert.NotNull(report);
            Assert.Equal(1, report.Repaired);
            Assert.Equal("1.000000", await Sox.InfoAsync(path, "-D"));
            var wav = ParsedWav.Read(path);
            Assert.Equal(8000, wav.SampleFrames);
            Assert.InRange(Signals.Amplitude(wav.Samples[0].AsSpan(7200, 800), 800, 8000), 7900, 8100);
        }

        using var again = new MediaTestHarness(pairs: 1, recordingDirectory: _root);
        Assert.Equal(0, again.Engine.StartupRepair!.Repaired);
        Assert.Equal(1, again.Engine.StartupRepair.Healthy);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
