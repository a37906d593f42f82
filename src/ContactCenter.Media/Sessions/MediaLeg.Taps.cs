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

    /// <summary>True when this tick's inbound frame was captured (the leg decodes because someone needs its audio).</summary>
    internal bool HasCapture => _capturedSamples > 0;

    /// <summary>The law of this tick's frame when it was left undecoded (<see cref="CapturedEncoded"/>), else null.</summary>
    internal G711Codec? CapturedCodec => _capturedCodec;

    /// <summary>This tick's frame as it arrived, when <see cref="CapturedCodec"/> is set (in the jitter buffer, valid this tick).</summary>
    internal ReadOnlySpan<byte> CapturedEncoded => _capturedEncoded;

    /// <summary>This tick's decoded inbound frame (inputs phase result); empty when nobody needs it.</summary>
    internal ReadOnlySpan<short> CapturedFrame => _captured.AsSpan(0, _capturedSamples);

    /// <summary>False when this tick's frame is silence (nothing arrived, prebuffering, concealment faded).</summary>
    internal bool CapturedAudible => _capturedAudible;

    /// <summary>
    /// Tick phase 1 (inputs/decodes): reads this tick's frame from the jitter buffer once and hands it to the tap and the
    /// mixer input; recordings read it in phase 3.
    /// </summary>
    internal void Capture()
    {
        var inbound = _inbound;
        if (inbound is null)
        {
            _capturedSamples = 0;
            _capturedAudible = false;
            return;
        }

        var samples = inbound.Format.SamplesPerFrame;
        _captured ??= new short[AudioFormat.Wideband.SamplesPerFrame];
        var frame = _captured.AsSpan(0, samples);
        var tap = _recording;
        var mixerInput = _mixerInput;
        _capturedSamples = samples;
        if (tap is null && mixerInput is null)
        {
            // Only recordings read this frame (phase 3): G.711 is left as it came, so a G.711 file stores it without
            // decoding and re-encoding (with hundreds of calls recorded, the tick's largest saving after cache misses).
            var read = inbound.ReadEncodedFrame(frame, out var codec);
            _capturedAudible = read != JitterFrame.Silent;
            _capturedCodec = read == JitterFrame.Encoded ? codec : null;

            // Kept here, so the recordings phase reaches the bytes from this leg without walking the decode path again.
            _capturedEncoded = read == JitterFrame.Encoded ? inbound.EncodedFrame : default;
            return;
        }

        _capturedCodec = null;
        _capturedAudible = inbound.ReadFrame(frame);
        ReadOnlySpan<short> heard = _capturedAudible ? frame : default;
        tap?.Write(heard);
        mixerInput?.Write(heard);
    }

    /// <summary>Tick phase 4 (sends): DTMF, RTCP, and one frame of whatever plays to the peer.</summary>
    internal void Send(long tick) => Endpoint.OnTick(tick);

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
