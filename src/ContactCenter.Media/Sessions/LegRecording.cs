using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Jitter;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Recording;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// A leg's recording file: party 0 (left) is the leg's inbound audio, party 1 (right) the other party's (the bridged
/// peer by default, or the conference mix the leg hears). Runs in the engine's recordings phase, after inputs and
/// mixers, and writes a file frame once both parties have read their frame of that tick, so both parties' frames of the
/// same tick land in the same file frame. A two-party G.711 recording of a bridged leg is filled as packets arrive
/// instead (<see cref="FilledOnArrival"/>, <see cref="ArrivalFrames"/>) until a pause, a change of party, a conference,
/// a player writing a channel or a packet in another codec moves it to the clock's path at a tick boundary; the
/// ≈ 60 ms of audio the arrival path held back for late packets is lost at that boundary.
/// </summary>
/// <remarks>Control methods run on the call's queue; <see cref="Tick"/> on the media clock.</remarks>
public sealed class LegRecording : IRecordingOwner
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
        session.Owner = this; // a pause, resume or stop called on the session comes through here
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

    /// <summary>True while the file is filled on arrival (<see cref="MediaEngineOptions.RecordOnArrival"/>).</summary>
    public bool FilledOnArrival => _arrivals is not null;

    /// <summary>The parties decode for this recording (the clock's path): released when it ends.</summary>
    internal bool HoldsInbound { get; set; }

    /// <summary>The metadata once stopped (completes on the writer thread).</summary>
    public Task<RecordingMetadata> Completion => _completion.Task;

    private readonly TaskCompletionSource<RecordingMetadata> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Stops writing audio (PCI DSS: the card number never reaches the disk); the pause is in the metadata.</summary>
    public void Pause() => Session.Pause();

    /// <summary>Writes audio again.</summary>
    public void Resume() => Session.Resume();

    /// <summary>
    /// Stops: the audio up to the last tick is written (the parties' pending frames read first), the clock stops feeding
    /// the file, queued frames go to disk, the header is finalized. Idempotent.
    /// </summary>
    public Task<RecordingMetadata> StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _engine.CatchUpRecording(this);
            _engine.RemoveRecording(this);
            Leg.RecordingEnded(this);
            _ = CompleteAsync();
        }

        return _completion.Task;
    }

    /// <summary>
    /// Recordings phase of the engine's tick <paramref name="sequence"/>: every file frame both parties have read since
    /// the last call, in tick order (a leg only recordings listen to is read every few ticks, so a file frame may be
    /// written a few ticks after its tick). A leg in a conference with no other party named records what it hears there
    /// (the mix of everyone else, this tick's, since the mixers ran just before).
    /// </summary>
    internal void Tick(long tick, long sequence)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return;
        }

        if (_written == NotStarted)
        {
            // The file starts with the first tick after the start.
            _written = sequence - 1;
        }

        WriteThrough(sequence, heardNow: true);
    }

    // The session's pause or resume: the parties' pending frames are written (or the fill-on-arrival mode ends) and the
    // change made in the same hold of the tick lock, so the file changes at exactly one tick boundary.
    void IRecordingOwner.Control(Action change)
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            change();
            return;
        }

        _engine.CatchUpRecording(this, change);
    }

    bool IRecordingOwner.StopFromSession()
    {
        if (Volatile.Read(ref _stopped) != 0)
        {
            return false;
        }

        _ = StopAsync();
        return true;
    }

    /// <summary>
    /// Under the engine's tick lock, at the start (<paramref name="lastTick"/> the last tick run): fills the file on
    /// arrival when it is a two-party G.711 recording of a bridged leg and both endpoints are free to feed it; false
    /// (nothing changed) otherwise.
    /// </summary>
    internal bool TryFillOnArrival(long lastTick)
    {
        if (_fixedOther is not null || Leg.BridgedPeer is not { } peer || Leg.ConferenceParticipant is not null
            || Leg.Endpoint.RecordingFeed is not null || peer.Endpoint.RecordingFeed is not null)
        {
            return false;
        }

        // Both legs negotiated the file's law (a G.722 call recorded in µ-law would leave the mode at its first packet).
        var law = Session.Format.Encoding == RecordingEncoding.ALaw ? G711Codec.ALaw : G711Codec.MuLaw;
        if (!Session.CanFillOnArrival(law) || !ReferenceEquals(Leg.Endpoint.CurrentMedia?.SendCodec, law)
            || !ReferenceEquals(peer.Endpoint.CurrentMedia?.SendCodec, law))
        {
            return false;
        }

        var arrivals = Session.FillOnArrival(_engine.Ticks, law, lastTick);
        _arrivals = arrivals;
        _arrivalPeer = peer;
        arrivals.OnLeaveRequested(() => _engine.RequestClockPath(this));
        if (!Leg.Endpoint.TryAttachRecordingFeed(arrivals.Feed(0)) | !peer.Endpoint.TryAttachRecordingFeed(arrivals.Feed(1)))
        {
            // Another recording's feed got there first: this one is the clock's from its first tick.
            LeaveArrivals(lastTick);
        }

        return true;
    }

    /// <summary>
    /// Under the engine's tick lock: ticks after <paramref name="through"/> come from the clock (the parties decode from
    /// now on), or none when stopping. No-op when not filled on arrival.
    /// </summary>
    internal void LeaveArrivals(long through)
    {
        if (_arrivals is not { } arrivals)
        {
            return;
        }

        _arrivals = null;
        Leg.Endpoint.DetachRecordingFeed(arrivals.Feed(0));
        _arrivalPeer?.Endpoint.DetachRecordingFeed(arrivals.Feed(1));
        _arrivalPeer = null;
        var end = Session.EndArrivals(through);
        if (Volatile.Read(ref _stopped) != 0)
        {
            return;
        }

        _written = end;
        Leg.DecodeForRecording(this);
        _engine.MoveRecordingToClock(this);
    }

    /// <summary>Between ticks, under the engine's tick lock: the parties read what they have pending, and it is written.</summary>
    internal void CatchUp(long sequence)
    {
        if (_arrivals is not null)
        {
            // A stop, pause, resume or change of party: what follows is the clock's (or nothing).
            LeaveArrivals(sequence);
            return;
        }

        if (_written == NotStarted)
        {
            return;
        }

        Leg.CatchUp(sequence);
        OtherParty?.CatchUp(sequence);
        WriteThrough(sequence, heardNow: false);
    }

    private void WriteThrough(long sequence, bool heardNow)
    {
        var other = OtherParty;
        var through = Leg.CapturedThrough;
        if (Session.Parties > 1 && other is not null)
        {
            // Both parties' frames of a tick go together, so the file waits for the later reader; but a party more than
            // half the ring behind is not being read at all (disposed, or its reads fail): it holds nobody back.
            var theirs = other.CapturedThrough;
            through = Math.Abs(through - theirs) > CapturedFrames.Capacity / 2 ? Math.Max(through, theirs) : Math.Min(through, theirs);
        }

        var participant = Session.Parties > 1 && other is null ? Leg.ConferenceParticipant : null;
        var committed = false;
        for (var frame = _written + 1; frame <= through; frame++)
        {
            if (participant is not null || !TryWritePair(other, frame))
            {
                WriteSeparately(other, participant, frame, heardNow && frame == sequence);
            }

            committed |= Session.Commit();

            // Per frame: a fault in a later one (counted by the engine) must not write these again on the next tick.
            _written = frame;
        }

        if (committed)
        {
            Session.AfterCommits();
        }
    }

    // Each party's frame on its own channel (decoded or re-encoded as the file needs), or the conference mix the leg hears.
    private void WriteSeparately(MediaLeg? other, MixerParticipant? participant, long frame, bool mixIsThisTicks)
    {
        Write(0, Leg, frame);
        if (Session.Parties <= 1)
        {
            return;
        }

        if (participant is null)
        {
            Write(1, other, frame);
            return;
        }

        // The mix exists for this tick only: an earlier frame (a leg that just joined) has silence there.
        if (mixIsThisTicks)
        {
            var heard = _heard.AsSpan(0, participant.Format.SamplesPerFrame);
            if (participant.ReadFrame(heard))
            {
                Session.WriteFrame(1, heard, silent: false);
            }
        }
    }

    private readonly short[] _heard = new short[AudioFormat.Wideband.SamplesPerFrame];
    private ArrivalFrames? _arrivals; // while filled on arrival; changed under the engine's tick lock
    private MediaLeg? _arrivalPeer;   // the endpoint feeding channel 1 meanwhile
    private const long NotStarted = long.MinValue;
    private long _written = NotStarted; // the engine tick (sequence) of the last file frame

    // The usual case, a two-party G.711 call: both frames arrived as they were sent, in the same law.
    private bool TryWritePair(MediaLeg? other, long sequence)
    {
        if (Leg.Frames is not { } mine || other?.Frames is not { } theirs
            || mine.Read(sequence, out var codec, out var left, out _) != JitterFrame.Encoded
            || theirs.Read(sequence, out var otherCodec, out var right, out _) != JitterFrame.Encoded
            || !ReferenceEquals(codec, otherCodec))
        {
            return false;
        }

        return Session.TryWriteG711Pair(left, right, codec!);
    }

    private void Write(int party, MediaLeg? leg, long sequence)
    {
        if (leg?.Frames is not { } frames)
        {
            return;
        }

        switch (frames.Read(sequence, out var codec, out var encoded, out var pcm))
        {
            case JitterFrame.Encoded:
                Session.WriteG711Frame(party, encoded, codec!);
                break;
            case JitterFrame.Decoded:
                Session.WriteFrame(party, pcm, silent: false);
                break;
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
