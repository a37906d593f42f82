using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Playback;

/// <summary>
/// Plays a <see cref="ToneDefinition"/> one 20 ms frame at a time: phase-continuous sines from a table oscillator,
/// on and off at sample-exact cadence boundaries, with 2 ms linear ramps at each burst's edges so they do not click.
/// </summary>
/// <remarks>One generator per listener (it keeps a position); the definition is shared. Allocation-free per frame; not thread-safe.</remarks>
public sealed class ToneGenerator : IAudioSource
{
    private const int RampMilliseconds = 2;

    private readonly ToneDefinition _tone;
    private readonly uint[] _increments;
    private readonly uint[] _phases;
    private readonly int[] _segmentSamples;
    private readonly float _amplitude;
    private readonly int _rampSamples;
    private int _segment;
    private int _positionInSegment;

    /// <exception cref="ArgumentException">The format is neither 8 nor 16 kHz.</exception>
    public ToneGenerator(ToneDefinition tone, AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(tone);
        if (format.SampleRate is not (8000 or 16000))
        {
            throw new ArgumentException("Tones are generated at 8 or 16 kHz.", nameof(format));
        }

        _tone = tone;
        Format = format;
        _amplitude = (float)tone.Amplitude;
        _increments = [.. tone.Frequencies.Select(f => SineTable.Increment(f, format.SampleRate))];
        _phases = new uint[_increments.Length];
        _segmentSamples = [.. tone.Cadence.Select(d => (int)(d.Ticks * format.SampleRate / TimeSpan.TicksPerSecond))];
        _rampSamples = format.SampleRate * RampMilliseconds / 1000;
    }

    public AudioFormat Format { get; }

    public ToneDefinition Tone => _tone;

    /// <summary>True once a non-repeating tone has played its whole cadence.</summary>
    public bool IsFinished => !_tone.Repeat && _segment >= _segmentSamples.Length;

    /// <summary>
    /// Writes the next frame. Returns true when any of it is tone, false (frame zeroed) for a frame that is wholly
    /// a pause of the cadence or after the tone finished.
    /// </summary>
    public bool ReadFrame(Span<short> frame)
    {
        if (_segmentSamples.Length == 0)
        {
            FillTone(frame, int.MaxValue / 2, int.MaxValue);
            return true;
        }

        bool audible = false;
        int written = 0;
        while (written < frame.Length)
        {
            if (_segment >= _segmentSamples.Length)
            {
                if (!_tone.Repeat)
                {
                    frame[written..].Clear();
                    break;
                }

                _segment = 0;
            }

            int length = _segmentSamples[_segment];
            int run = Math.Min(frame.Length - written, length - _positionInSegment);
            Span<short> part = frame.Slice(written, run);
            if ((_segment & 1) == 0)
            {
                FillTone(part, _positionInSegment, length);
                audible = true;
            }
            else
            {
                part.Clear();
            }

            written += run;
            _positionInSegment += run;
            if (_positionInSegment == length)
            {
                _segment++;
                _positionInSegment = 0;
            }
        }

        return audible;
    }

    /// <summary>Starts the cadence again from its first burst.</summary>
    public void Reset()
    {
        _segment = 0;
        _positionInSegment = 0;
        Array.Clear(_phases);
    }

    private void FillTone(Span<short> output, int positionInBurst, int burstLength)
    {
        for (int i = 0; i < output.Length; i++)
        {
            float sum = 0;
            for (int k = 0; k < _phases.Length; k++)
            {
                sum += SineTable.Sin(_phases[k]);
                _phases[k] += _increments[k];
            }

            int position = positionInBurst + i;
            int edge = Math.Min(position, burstLength - 1 - position);
            float gain = edge >= _rampSamples ? _amplitude : _amplitude * (edge + 1) / (_rampSamples + 1);
            output[i] = (short)MathF.Round(sum * gain);
        }
    }
}
