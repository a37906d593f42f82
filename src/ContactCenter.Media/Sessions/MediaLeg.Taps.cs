using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Sessions;

public sealed partial class MediaLeg
{
    /// <summary>
    /// Starts handing this leg's inbound audio to <paramref name="channel"/> (any sink: a custom analyser, a recorder
    /// channel), one frame per tick; a paused tap writes silence. Replaces a previous tap. For a recording file use
    /// <see cref="StartRecording(LegRecordingOptions)"/>.
    /// </summary>
    public void StartRecording(IAudioSink channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ThrowIfDisposed();
        var previous = _recording;
        _recording = new AudioTap(channel, AcquireInbound().Format);
        if (previous is not null)
        {
            ReleaseInbound();
        }
    }

    /// <summary>Pauses the tap and this leg's recording file (PCI: nothing reaches the file until resumed).</summary>
    public void PauseRecording()
    {
        _recording?.Pause();
        _fileRecording?.Pause();
    }

    /// <summary>Resumes the tap and the recording file.</summary>
    public void ResumeRecording()
    {
        _recording?.Resume();
        _fileRecording?.Resume();
    }

    /// <summary>Stops feeding the tap given to <see cref="StartRecording(IAudioSink)"/>.</summary>
    public void StopRecording()
    {
        if (_recording is not null)
        {
            _recording = null;
            ReleaseInbound();
        }
    }

    /// <summary>
    /// Joins a conference by hand: this leg's inbound audio goes to <paramref name="mixerInput"/> every tick (inputs phase)
    /// and <paramref name="mixerOutput"/> is sent to the peer (sends phase). <see cref="MediaConference"/> does this for you.
    /// </summary>
    public void JoinMixer(IAudioSink mixerInput, IAudioSource mixerOutput)
    {
        ArgumentNullException.ThrowIfNull(mixerInput);
        ArgumentNullException.ThrowIfNull(mixerOutput);
        ThrowIfDisposed();
        if (Bridge is not null)
        {
            throw new InvalidOperationException("The leg is bridged; unbridge it before it joins a conference.");
        }

        var previous = _mixerInput;
        _mixerInput = new AudioTap(mixerInput, AcquireInbound().Format);
        if (previous is not null)
        {
            ReleaseInbound();
        }

        Endpoint.SetBridgeAudio(mixerOutput);
    }

    /// <summary>Leaves the conference: stops feeding the mixer and stops sending its output.</summary>
    public void LeaveMixer()
    {
        if (_mixerInput is null)
        {
            return;
        }

        _mixerInput = null;
        Endpoint.SetBridgeAudio(null);
        ReleaseInbound();
    }

    /// <summary>The newest engine tick (sequence) whose inbound frame is in <see cref="Frames"/>, or known silent.</summary>
    internal long CapturedThrough => _capturedThrough;

    /// <summary>The inbound frames of the last ticks, for recordings; null until this leg first decodes.</summary>
    internal CapturedFrames? Frames => _frames;

    /// <summary>
    /// Tick phase 1 (inputs/decodes). A leg a tap, a mixer or a conference listens to reads this tick's frame from its
    /// jitter buffer and hands it to them; a leg only recordings listen to reads every
    /// <see cref="MediaEngineOptions.RecordingReadTicks"/> ticks, all the frames since its last read at once, each as of
    /// its own tick (<see cref="InboundAudio.ReadEncodedFrame(Span{short}, long, out G711Codec?)"/>). With hundreds of
    /// calls recorded the cost of a read is the cache misses on the leg's chain of objects (leg, decode path, jitter
    /// buffer, inbox), not the frame: reading five frames per visit pays them once. Legs are spread over the interval
    /// by id, so no tick reads them all; a recorded party reads on its recorded leg's ticks.
    /// </summary>
    internal void Capture(long sequence)
    {
        var inbound = _inbound;
        if (inbound is null)
        {
            _capturedThrough = sequence;
            return;
        }

        var tap = _recording;
        var mixerInput = _mixerInput;
        if (tap is null && mixerInput is null && _participant is null)
        {
            var interval = _engine.RecordingReadTicks;
            if (sequence - _capturedThrough < interval && (sequence + _readPhase) % interval != 0)
            {
                return;
            }

            ReadFrames(inbound, sequence, sequence);
            return;
        }

        // Frames a lazy read left behind first (a tap or a mixer just arrived), then this tick's, which they hear.
        if (_capturedThrough < sequence - 1)
        {
            ReadFrames(inbound, sequence - 1, sequence);
        }

        var frames = _frames ??= new CapturedFrames();
        var samples = inbound.Format.SamplesPerFrame;
        var frame = frames.PcmSlot(sequence, samples);
        var audible = inbound.ReadFrame(frame);
        frames.Commit(sequence, audible ? JitterFrame.Decoded : JitterFrame.Silent, samples, null, default);
        _capturedThrough = sequence;
        ReadOnlySpan<short> heard = audible ? frame : default;
        tap?.Write(heard);
        mixerInput?.Write(heard);
    }

    /// <summary>
    /// Reads what a lazy leg has not read yet up to the engine's last tick (<paramref name="sequence"/>); a control thread
    /// calls this holding the engine's tick lock, so a recording's file is complete up to the moment it stops, pauses or
    /// changes party.
    /// </summary>
    internal void CatchUp(long sequence)
    {
        if (_inbound is { } inbound && _capturedThrough < sequence)
        {
            ReadFrames(inbound, sequence, sequence + 1);
        }
    }

    // A recorded party reads on the same ticks as the recorded leg: the recording then writes their frames in the tick
    // they were read, while they are still in the cache, instead of finding one party's frames ticks later.
    private void ReadWith(MediaLeg recorded) => _readPhase = recorded._readPhase;

    // Only recordings read these frames: G.711 is left as it came, so a G.711 file stores it without decoding and
    // re-encoding (with hundreds of calls recorded, the largest saving after cache misses). A tick before the current one
    // reads as of its own time: packets that arrived later wait, as they would have.
    private void ReadFrames(InboundAudio inbound, long through, long current)
    {
        var frames = _frames ??= new CapturedFrames();
        var samples = inbound.Format.SamplesPerFrame;
        var from = Math.Max(_capturedThrough + 1, through - (CapturedFrames.Capacity / 2) + 1);
        for (var sequence = from; sequence <= through; sequence++)
        {
            var cutoff = sequence == current ? long.MaxValue : _engine.TickTime(sequence);
            var kind = inbound.ReadEncodedFrame(frames.PcmSlot(sequence, samples), cutoff, out var codec);
            frames.Commit(sequence, kind, samples, codec, kind == JitterFrame.Encoded ? inbound.EncodedFrame : default);

            // Per frame: a fault in a later one (counted by the engine) must not make the next tick read these again.
            _capturedThrough = sequence;
        }
    }

    /// <summary>Tick phase 4 (sends): DTMF, RTCP, and one frame of whatever plays to the peer.</summary>
    internal void Send(long tick, long now) => Endpoint.OnTick(tick, now);

    /// <summary>Starts decoding inbound audio for one more user (tap, mixer, recording); returns the decode path.</summary>
    internal InboundAudio AcquireInbound()
    {
        lock (_inboundGate)
        {
            if (_inboundUsers++ == 0 || _inbound is null)
            {
                var wideband = Endpoint.CurrentMedia?.SendCodec == G722Codec.Instance;
                _inbound = Endpoint.AttachInboundAudio(wideband ? AudioFormat.Wideband : AudioFormat.Narrowband);
            }

            return _inbound;
        }
    }

    /// <summary>One user fewer; the last one stops the decoding.</summary>
    internal void ReleaseInbound()
    {
        lock (_inboundGate)
        {
            if (_inboundUsers > 0 && --_inboundUsers == 0)
            {
                Endpoint.DetachInboundAudio();
                _inbound = null;
            }
        }
    }
}
