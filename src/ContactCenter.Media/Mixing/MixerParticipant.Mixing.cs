using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Mixing;

// The mixer's per-tick work on one participant: gather its contribution, deliver its mix.
public sealed partial class MixerParticipant
{
    private readonly short[] _resampled = new short[MaxSamples];
    private readonly int[] _contribution = new int[MaxSamples];
    private readonly short[] _mix = new short[MaxSamples];
    private readonly short[] _narrowDifference = new short[MaxSamples / 2];
    private readonly short[] _narrowMix = new short[MaxSamples / 2];
    private bool _upsamplerDirty;
    private bool _differenceTailPending;

    /// <summary>How this participant's voice entered this tick's mix.</summary>
    internal MixerParticipantMode? Contributed { get; private set; }

    /// <summary>The whisper target captured this tick (consistent across the tick even if changed meanwhile).</summary>
    internal MixerParticipant? TickWhisperTarget { get; private set; }

    internal ReadOnlySpan<int> Contribution(int samples) => _contribution.AsSpan(0, samples);

    internal Span<short> MixBuffer(int samples) => _mix.AsSpan(0, samples);

    internal void ResetResamplers()
    {
        _upsampler?.Reset();
        _downsampler?.Reset();
        _differenceTailPending = false;
    }

    /// <summary>Reads this tick's input (pulling the source if any) and prepares the contribution at the mix rate.</summary>
    internal void Gather(int mixRate)
    {
        bool present;
        if (_inputSource is not null)
        {
            // Pull every tick, even when muted, so the source keeps its own pace.
            present = _inputSource.ReadFrame(_input);
        }
        else
        {
            present = _inputPresent;
            _inputPresent = false;
        }

        Contributed = null;
        TickWhisperTarget = null;
        MixerParticipantMode mode = _mode;
        int gain = _gainQ12;
        MixerParticipant? target = _whisperTarget;
        if (!present || mode == MixerParticipantMode.ListenOnly || _muted || gain == 0 || (mode == MixerParticipantMode.Whisper && target is null))
        {
            if (_upsamplerDirty)
            {
                // A fresh start when speech resumes: no tail of the last words in the filter.
                _upsampler?.Reset();
                _upsamplerDirty = false;
            }

            return;
        }

        ReadOnlySpan<short> atMixRate = _input;
        if (Format.SampleRate < mixRate && _upsampler is not null)
        {
            int written = _upsampler.Process(_input, _resampled);
            atMixRate = _resampled.AsSpan(0, written);
            _upsamplerDirty = true;
        }

        PcmMath.WidenScaled(atMixRate, _contribution, gain);
        Contributed = mode;
        TickWhisperTarget = mode == MixerParticipantMode.Whisper ? target : null;
    }

    /// <summary>Hands this tick's mix (at the leg's own rate, or at 8 kHz when the mix is too) to the participant.</summary>
    internal void Deliver(ReadOnlySpan<short> mix)
    {
        mix.CopyTo(_output);
        _outputSilent = false;
        _outputSink?.WriteFrame(_output, silent: false);
    }

    /// <summary>
    /// An 8 kHz leg in a 16 kHz mix hears decimate(total) − decimate(own − whispers to it): the decimator is linear, so
    /// one shared decimation of the total serves every narrowband leg, and only legs with something to take out (or
    /// the filter tail of it, one tick after) run their own. This keeps the per-leg decimator in step with the shared one.
    /// </summary>
    /// <param name="difference">own − whispers at 16 kHz this tick, or empty when there is none.</param>
    /// <returns>True when <see cref="NarrowDifference"/> holds this tick's decimated difference.</returns>
    internal bool TrackNarrowDifference(ReadOnlySpan<int> difference)
    {
        if (_downsampler is null)
        {
            return false;
        }

        Span<short> wide = _mix.AsSpan(0, MaxSamples);
        if (!difference.IsEmpty)
        {
            PcmMath.Saturate(difference, wide);
            _differenceTailPending = true;
        }
        else if (_differenceTailPending)
        {
            // Zeros flush the last difference out of the filter in step with the shared decimator's history.
            wide.Clear();
            _differenceTailPending = false;
        }
        else
        {
            return false;
        }

        _downsampler.Process(wide, _narrowDifference);
        return true;
    }

    internal ReadOnlySpan<short> NarrowDifference => _narrowDifference;

    internal Span<short> NarrowMixBuffer => _narrowMix;

    internal void DeliverSilence()
    {
        if (!_outputSilent)
        {
            Array.Clear(_output);
            _outputSilent = true;
        }

        _outputSink?.WriteFrame(_output, silent: true);
    }
}
