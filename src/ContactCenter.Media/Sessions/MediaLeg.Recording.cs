using ContactCenter.Media.Codecs;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Sessions;

public sealed partial class MediaLeg
{
    private MediaConference? _conference;
    private volatile MixerParticipant? _participant;

    /// <summary>The conference this leg is in, or null.</summary>
    public MediaConference? Conference => _conference;

    /// <summary>
    /// Starts recording this leg to a WAV file through the engine's <see cref="Recorder"/>: channel 0 is this leg's inbound
    /// audio, channel 1 the other party's (<see cref="LegRecordingOptions.OtherParty"/>, by default the bridged peer, or
    /// in a conference the mix this leg hears).
    /// Throws <see cref="InvalidOperationException"/> when the leg already records, <see cref="IOException"/> when the
    /// file exists, <see cref="ArgumentException"/> for a path outside the recording directory.
    /// </summary>
    public LegRecording StartRecording(LegRecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfDisposed();
        if (_fileRecording is not null)
        {
            throw new InvalidOperationException("The leg is already recording; stop it first.");
        }

        var session = _engine.StartRecordingSession(new RecordingOptions
        {
            Path = options.Path,
            Format = options.Format ?? (ReferenceEquals(Endpoint.CurrentMedia?.SendCodec, G711Codec.ALaw)
                ? RecordingFormat.StereoALawNarrowband
                : RecordingFormat.StereoMuLawNarrowband),
            HeaderRefreshInterval = options.HeaderRefreshInterval,
            QueueFrames = options.QueueFrames,
        });
        var recording = new LegRecording(_engine, session, this, options.OtherParty);
        _fileRecording = recording;
        if (!_engine.StartRecording(recording))
        {
            DecodeForRecording(recording);
            _engine.AddRecording(recording, onClock: true);
        }

        return recording;
    }

    /// <summary>
    /// The clock's path: both parties decode while recorded (a later bridge peer from the moment it is bridged, see
    /// <see cref="FollowRecordedPeer"/>). Called at the start, or under the tick lock when a recording filled on arrival
    /// leaves that mode.
    /// </summary>
    internal void DecodeForRecording(LegRecording recording)
    {
        AcquireInbound();
        _recordedPeer = recording.OtherParty;
        _recordedPeer?.AcquireInbound();
        _recordedPeer?.ReadWith(this);
        recording.HoldsInbound = true;
    }

    /// <summary>Stops this leg's recording file and returns its metadata (null when it was not recording).</summary>
    public async Task<RecordingMetadata?> StopRecordingAsync()
    {
        var recording = _fileRecording;
        return recording is null ? null : await recording.StopAsync().ConfigureAwait(false);
    }

    internal void RecordingEnded(LegRecording recording)
    {
        if (!ReferenceEquals(_fileRecording, recording))
        {
            return;
        }

        _fileRecording = null;
        if (recording.HoldsInbound)
        {
            ReleaseInbound();
            _recordedPeer?.ReleaseInbound();
        }

        _recordedPeer = null;
    }

    /// <summary>This leg's participant in its conference (read on the clock thread), or null.</summary>
    internal MixerParticipant? ConferenceParticipant => _participant;

    internal void JoinedConference(MediaConference? conference, MixerParticipant? participant)
    {
        _conference = conference;
        _participant = participant;
    }

    // Keeps the decode of whoever channel 1 follows when the bridge changes during a recording.
    private void FollowRecordedPeer()
    {
        var recording = _fileRecording;
        if (recording is null || !recording.HoldsInbound)
        {
            // Filled on arrival: the change of party was caught up first, which moved it to the clock's path.
            return;
        }

        var now = recording.OtherParty;
        if (!ReferenceEquals(now, _recordedPeer))
        {
            now?.AcquireInbound();
            now?.ReadWith(this);
            _recordedPeer?.ReleaseInbound();
            _recordedPeer = now;
        }
    }

    private MediaLeg? _recordedPeer;
}
