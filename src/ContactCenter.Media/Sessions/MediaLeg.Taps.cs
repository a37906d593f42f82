using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;

namespace ContactCenter.Media.Sessions;

public sealed partial class MediaLeg
{
    /// <summary>
    /// Starts handing this leg's inbound audio to <paramref name="channel"/> (a recorder channel), one frame per tick;
    /// replaces a previous recorder. The recorder owns the file; this only feeds it.
    /// </summary>
    public void StartRecording(IAudioSink channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ThrowIfDisposed();
        _recording = new AudioTap(channel, EnsureInbound().Format);
    }

    /// <summary>Feeds the recorder silent frames until <see cref="ResumeRecording"/> (the file keeps its timeline).</summary>
    public void PauseRecording() => _recording?.Pause();

    /// <summary>Feeds the recorder real audio again.</summary>
    public void ResumeRecording() => _recording?.Resume();

    /// <summary>Stops feeding the recorder; closing the file is the recorder's business.</summary>
    public void StopRecording()
    {
        _recording = null;
        ReleaseInboundIfUnused();
    }

    /// <summary>
    /// Joins a conference: this leg's inbound audio goes to <paramref name="mixerInput"/> every tick and
    /// <paramref name="mixerOutput"/> (the mix without this leg) is played to the peer. Unbridge first.
    /// </summary>
    public void JoinMixer(IAudioSink mixerInput, IAudioSource mixerOutput)
    {
        ArgumentNullException.ThrowIfNull(mixerInput);
        ArgumentNullException.ThrowIfNull(mixerOutput);
        ThrowIfDisposed();
        _mixerInput = new AudioTap(mixerInput, EnsureInbound().Format);
        Endpoint.Play(mixerOutput);
    }

    /// <summary>Leaves the conference: stops feeding the mixer and stops playing its output.</summary>
    public void LeaveMixer()
    {
        _mixerInput = null;
        Endpoint.Play(null);
        ReleaseInboundIfUnused();
    }

    /// <summary>The media clock's work for this leg: taps first (they read what arrived), then the endpoint (it sends).</summary>
    internal void Tick(long tick)
    {
        var recording = _recording;
        var mixer = _mixerInput;
        var inbound = _inbound;
        if (inbound is not null && (recording is not null || mixer is not null))
        {
            var samples = inbound.Format.SamplesPerFrame;
            ReadOnlySpan<short> frame = inbound.ReadFrame(_inboundFrame.AsSpan(0, samples)) ? _inboundFrame.AsSpan(0, samples) : default;
            recording?.Write(frame);
            mixer?.Write(frame);
        }

        Endpoint.OnTick(tick);
    }

    private InboundFrameQueue EnsureInbound()
    {
        if (_inbound is null)
        {
            var wideband = Endpoint.CurrentMedia?.SendCodec == G722Codec.Instance;
            _inbound = Endpoint.AttachInboundAudio(wideband ? AudioFormat.Wideband : AudioFormat.Narrowband);
        }

        return _inbound;
    }

    private void ReleaseInboundIfUnused()
    {
        if (_recording is null && _mixerInput is null && _inbound is not null)
        {
            Endpoint.DetachInboundAudio();
            _inbound = null;
        }
    }
}
