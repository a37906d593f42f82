using ContactCenter.Media.Recording;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Diagnostics;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// On-demand recording (SIP-08): one stereo WAV per recording under <c>recordings/yyyy/MM/dd/</c> — channel 0 the
/// caller, channel 1 whoever the caller is connected to (followed across transfers) — with its metadata stored and
/// retrievable by id. Stopped and stored when the call ends.
/// </summary>
public sealed partial class Call
{
    private LegRecording? _recording;
    private string? _recordingId;
    private readonly List<string> _recordingIds = [];

    /// <summary>Ids of every recording this call made, in order.</summary>
    public IReadOnlyList<string> RecordingIds => _recordingIds;

    private bool _autoRecord;

    /// <summary>
    /// Automatic recording (SIP-08): at the answer, when the service that routed the call records, or the caller or the
    /// answering extension does. A failure to start is logged and the call goes on.
    /// </summary>
    private void RecordIfConfigured()
    {
        if (_recording is not null) return;
        bool wanted = _autoRecord || (Engine.RecordsExtension is { } records && (records(Caller) || (_b is { } b && records(b.Party))));
        if (!wanted) return;
        var started = StartRecordingCommand();
        if (!started.Succeeded)
            Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {Id}: automatic recording not started: {started.Message}");
    }

    internal CallCommandResult StartRecordingCommand()
    {
        if (!IsConnected) return CallCommandResult.Fail("invalid_call_state", "Only a connected call can be recorded.", State);
        if (_recording is not null) return CallCommandResult.Fail("recording_active", "The call is already recording.", State);
        var id = Guid.CreateVersion7().ToString("N"); // time-ordered keys, like the call's

        var now = Engine.Time.GetUtcNow();
        var path = $"{now:yyyy}/{now:MM}/{now:dd}/{id}.wav";
        try
        {
            _recording = _a!.Media.StartRecording(new LegRecordingOptions { Path = path });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Engine.Log.Write(SipLogLevel.Warning, "calls", () => $"Call {Id}: recording not started: {ex.Message}");
            return CallCommandResult.Fail("recording_failed", "The recording could not start: " + ex.Message, State);
        }
        _recordingId = id;
        _recordingIds.Add(id);
        try
        {
            Engine.Recordings?.Started(id, Id, path, now);
        }
        catch (Exception ex)
        {
            Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: recording {id} not stored", ex);
        }
        RecordCallerPlayback();
        Publish(CallEventTypes.RecordingStarted, _a.Party, recordingId: id);
        return CallCommandResult.Ok(State, id);
    }

    internal CallCommandResult StopRecordingCommand()
    {
        if (_recording is null) return CallCommandResult.Fail("recording_not_active", "The call is not recording.", State);
        var id = _recordingId!;
        StopRecording();
        return CallCommandResult.Ok(State, id);
    }

    internal CallCommandResult PauseRecordingCommand(bool pause)
    {
        if (_recording is not { } recording) return CallCommandResult.Fail("recording_not_active", "The call is not recording.", State);
        if (recording.IsPaused == pause)
            return CallCommandResult.Fail("invalid_recording_state", pause ? "The recording is already paused." : "The recording is not paused.", State);
        if (pause) recording.Pause();
        else recording.Resume();
        Publish(pause ? CallEventTypes.RecordingPaused : CallEventTypes.RecordingResumed, _a?.Party, recordingId: _recordingId);
        return CallCommandResult.Ok(State, _recordingId);
    }

    /// <summary>Stops the file; its metadata is stored when the writer has flushed (off the call's queue).</summary>
    private void StopRecording()
    {
        if (_recording is not { } recording) return;
        var id = _recordingId!;
        _recording = null;
        _recordingId = null;
        if (_a?.Media.Endpoint.Playing is RecordedPlayback copied) _a.Media.Play(copied.Source);
        var stopped = recording.StopAsync();
        Publish(CallEventTypes.RecordingStopped, _a?.Party, recordingId: id);
        _ = StoreWhenStoppedAsync(id, stopped);
    }

    /// <summary>
    /// Channel 1 follows the caller's bridged peer; while the caller is unbridged (held, music on hold) there is none, and
    /// what the caller hears is what plays to it. That is copied to channel 1 — one tick late, as the media tick sends
    /// after it records. Call after something starts playing to the caller, and when a recording starts.
    /// </summary>
    private void RecordCallerPlayback()
    {
        if (_a is null || _recording is not { } recording || recording.Session.Parties < 2) return;
        var playing = _a.Media.Endpoint.Playing;
        if (playing is null) return;
        var channel = recording.Session.GetChannel(1);
        if (playing is RecordedPlayback copied)
        {
            if (ReferenceEquals(copied.Channel, channel)) return;
            playing = copied.Source;
        }
        _a.Media.Play(new RecordedPlayback(playing, channel));
    }

    private async Task StoreWhenStoppedAsync(string id, Task<RecordingMetadata> stopped)
    {
        try
        {
            var metadata = await stopped.ConfigureAwait(false);
            Engine.Recordings?.Stopped(id, metadata);
        }
        catch (Exception ex)
        {
            Engine.Log.Write(SipLogLevel.Error, "calls", () => $"Call {Id}: recording {id} metadata not stored", ex);
        }
    }
}
