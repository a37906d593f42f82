using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Mixing;

// The mixer's per-tick work on one participant: gather its contribution, deliver its mix.
public sealed partial class MixerParticipant
{
    private readonly short[] _resampled = new short[MaxSamples];
    private readonly int[] _contribution = new int[MaxSamples];
    private readonly short[] _mix = new short[MaxSamples];
    private bool _upsamplerDirty;

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

    /// <summary>Hands this tick's mix (at the mix rate) to the participant: resampled to its rate, pushed to its sink.</summary>
    internal void Deliver(ReadOnlySpan<short> mix, int mixRate)
    {
        if (Format.SampleRate == mixRate)
        {
            mix.CopyTo(_output);
        }
        else if (_downsampler is not null)
        {
            int written = _downsampler.Process(mix, _output);
            _output.AsSpan(Math.Max(0, written)).Clear();
        }

        _outputSilent = false;
        _outputSink?.WriteFrame(_output, silent: false);
    }

    internal void DeliverSilence()
    {
        if (!_outputSilent)
        {
            Array.Clear(_output);
            _downsampler?.Reset();
            _outputSilent = true;
        }

        _outputSink?.WriteFrame(_output, silent: true);
    }
}
