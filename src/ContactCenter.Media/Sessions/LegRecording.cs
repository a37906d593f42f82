using ContactCenter.Media.Audio;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// A leg's recording file: party 0 (left) is the leg's inbound audio, party 1 (right) the other party's (the bridged
/// peer by default, or the conference mix the leg hears). Runs in the engine's recordings phase, after inputs and mixers, so both parties' frames of the
/// same tick land in the same file frame.
/// </summary>
/// <remarks>Control methods run on the call's queue; <see cref="OnTick"/> on the media clock.</remarks>
public sealed class LegRecording : IMediaTickable
{
    private readonly MediaEngine _engine;
    private readonly MediaLeg? _fixedOther;
    private int _stopped;

    internal LegRecording(MediaEngine engine, RecordingSession session, MediaLeg leg, MediaLeg? otherParty)
    {
        _engine = engine;
        Session = session;
        Leg = leg;
        _fixedOther = otherParty;
    }

    /// <summary>The recorder's session (counters, queued frames).</summary>
    public RecordingSession Session { get; }

    /// <summary>The file (full path).</summary>
    public string Path => Session.Path;

    /// <summary>The leg on channel 0.</summary>
    public MediaLeg Leg { get; }

    /// <summary>The party on channel 1 now: the fixed one, else the bridged peer, else null (silence).</summary>
    public MediaLeg? OtherParty => _fixedOther ?? Leg.BridgedPeer;

    /// <summary>True while paused.</summary>
    public bool IsPaused => Session.IsPaused;

    /// <summary>The metadata once stopped (completes on the writer thread).</summary>
    public Task<RecordingMetadata> Completion => _completion.Task;

    private readonly TaskCompletionSource<RecordingMetadata> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops writing audio (PCI DSS: the card number never reaches the disk); the pause is in the metadata.</summary>
    public void Pause() => Session.Pause();

    /// <summary>Writes audio again.</summary>
    public void Resume() => Session.Resume();

    /// <summary>Stops: the clock stops feeding the file, queued frames are written, the header is finalized. Idempotent.</summary>
    public Task<RecordingMetadata> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _engine.RemoveRecording(this);
            Leg.RecordingEnded(this);
            _ = CompleteAsync();
        }

        return _completion.Task;
    }

    /// <summary>
    /// Recordings phase: both parties' frames of this tick, then commit. A leg in a conference with no other party named
    /// records what it hears there (the mix of everyone else, this tick's, since the mixers ran just before).
    /// </summary>
    public void OnTick(long tick)
    {
        Write(0, Leg);
        if (Session.Parties > 1)
        {
            var other = OtherParty;
            if (other is null && Leg.ConferenceParticipant is { } participant)
            {
                var frame = _heard.AsSpan(0, participant.Format.SamplesPerFrame);
                if (participant.ReadFrame(frame))
                {
                    Session.WriteFrame(1, frame, silent: false);
                }
            }
            else
            {
                Write(1, other);
            }
        }

        Session.OnTick(tick);
    }

    private readonly short[] _heard = new short[AudioFormat.Wideband.SamplesPerFrame];

    private void Write(int party, MediaLeg? leg)
    {
        if (leg is null || !leg.HasCapture)
        {
            return;
        }

        if (leg.CapturedCodec is { } codec)
        {
            Session.WriteG711Frame(party, leg.CapturedEncoded, codec);
        }
        else
        {
            Session.WriteFrame(party, leg.CapturedFrame, !leg.CapturedAudible);
        }
    }

    private async Task CompleteAsync()
    {
        try
        {
            _completion.TrySetResult(await Session.StopAsync().ConfigureAwait(false));
        }
        catch (Exception e)
        {
            _completion.TrySetException(e);
        }
    }
}
