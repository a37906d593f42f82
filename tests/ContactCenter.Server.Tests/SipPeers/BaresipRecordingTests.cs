using ContactCenter.Events;
using ContactCenter.Telephony.Calls;
using ContactCenter.TestPeers;

namespace ContactCenter.Server.Tests.SipPeers;

/// <summary>
/// Recording a call between two baresip extensions by engine command, and proving from the file that audio went both
/// ways: the caller sends a 440 Hz sine (channel 0), the callee a 1000 Hz one (channel 1, the party the caller is
/// connected to). 1000 Hz is no note of the music on hold, so the callee's tone and the music are told apart.
/// </summary>
public sealed class BaresipRecordingTests
{
    private const int CallerTone = 440;
    private const int CalleeTone = 1000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Recording_by_command_holds_both_phones_tones_in_a_dated_stereo_wav_with_metadata_events_and_cdr()
    {
        PeerAvailability.RequireBaresip();
        var sox = PeerAvailability.RequireSox();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter
        {
            Types = [CallEventTypes.RecordingStarted, CallEventTypes.RecordingStopped, CallEventTypes.Ended],
        });
        await using var connected = await TonePhones.ConnectAsync(server, CallerTone, CalleeTone);
        var call = connected.Call;

        var started = await server.Calls.StartRecordingAsync(call.Id);
        Assert.True(started.Succeeded, started.Message);
        var id = started.RecordingId!;
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(2));
        var stopped = await server.Calls.StopRecordingAsync(call.Id);
        Assert.True(stopped.Succeeded, stopped.Message);
        Assert.Equal(id, stopped.RecordingId);

        var record = await TonePhones.StoredAsync(server, id);
        Assert.Equal("completed", record.Status);
        Assert.Equal(call.Id, record.CallId);
        // About the 2 s between the two commands; the media clock now keeps the file as long as the wall-clock time it
        // covered, so a slow stop on a busy box (seen: 2.72 s) adds to it.
        Assert.InRange(record.DurationSeconds!.Value, 1.8, 3.2);
        Assert.Equal(2, record.Channels);
        Assert.Equal(8000, record.SampleRate);
        Assert.Equal(0, record.DroppedFrames);
        var path = TonePhones.FileOf(server, record);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/" + id + @"\.wav$", record.Path);
        Assert.Equal(record.StartedAt.UtcDateTime.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), record.Path[..10]);
        Assert.True(File.Exists(path), path);
        await TonePhones.SoxAcceptsAsync(sox, path);

        var audio = RecordedAudio.Read(path);
        Assert.Equal(2, audio.Channels.Length);
        Assert.InRange(audio.Duration.TotalSeconds, 1.8, 2.6);
        // Skip the first half second: the jitter buffers fill and the bridge's first frames may be silence.
        var from = TimeSpan.FromSeconds(0.5);
        var to = audio.Duration - TimeSpan.FromSeconds(0.1);
        TonePhones.AssertTone(audio, 0, from, to, CallerTone, CalleeTone, "caller (channel 0)");
        TonePhones.AssertTone(audio, 1, from, to, CalleeTone, CallerTone, "callee (channel 1)");

        await connected.Caller.Control.HangupAsync();
        var seen = await TonePhones.ReadUntilEndedAsync(events);
        var startedEvent = Assert.Single(seen, e => e.Type == CallEventTypes.RecordingStarted);
        var stoppedEvent = Assert.Single(seen, e => e.Type == CallEventTypes.RecordingStopped);
        Assert.Equal(id, ((CallEventPayload)startedEvent.Payload!).RecordingId);
        Assert.Equal(id, ((CallEventPayload)stoppedEvent.Payload!).RecordingId);
        Assert.Equal(call.Id, startedEvent.CallId);
        Assert.True(startedEvent.Seq < stoppedEvent.Seq);
        var cdr = server.Cdr.Find(call.Id);
        Assert.NotNull(cdr);
        Assert.Equal([id], cdr.RecordingIds);
    }

    [Fact]
    public async Task Recording_stopped_by_the_call_ending_is_completed_and_in_the_cdr()
    {
        PeerAvailability.RequireBaresip();
        await using var server = new RunningSipServer();
        await using var events = server.Bus.Subscribe(new EventFilter { Types = [CallEventTypes.RecordingStopped, CallEventTypes.Ended] });
        await using var connected = await TonePhones.ConnectAsync(server, CallerTone, CalleeTone);
        var call = connected.Call;

        var started = await server.Calls.StartRecordingAsync(call.Id);
        Assert.True(started.Succeeded, started.Message);
        await TonePhones.ForAudioAsync(call, TimeSpan.FromSeconds(1));
        await connected.Callee.Control.HangupAsync();

        var seen = await TonePhones.ReadUntilEndedAsync(events);
        Assert.Contains(seen, e => e.Type == CallEventTypes.RecordingStopped && ((CallEventPayload)e.Payload!).RecordingId == started.RecordingId);
        var record = await TonePhones.StoredAsync(server, started.RecordingId!);
        Assert.Equal("completed", record.Status);
        Assert.InRange(record.DurationSeconds!.Value, 0.8, 2.0);
        var audio = RecordedAudio.Read(TonePhones.FileOf(server, record));
        TonePhones.AssertTone(audio, 0, TimeSpan.FromSeconds(0.5), audio.Duration - TimeSpan.FromSeconds(0.2), CallerTone, CalleeTone, "caller (channel 0)");
        Assert.Equal([started.RecordingId!], server.Cdr.Find(call.Id)!.RecordingIds);
    }
}
