using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Playback;

/// <summary>
/// Plays an <see cref="AudioClip"/> one 20 ms frame at a time, once or looping, at the rate the listener needs
/// (the clip's shared converted copy when the rates differ). Keeps only a position: no allocation, no resampling per frame.
/// </summary>
/// <remarks>One player per listener; not thread-safe.</remarks>
public sealed class WavPlayer : IAudioSource
{
    private readonly short[] _samples;
    private int _position;

    /// <param name="clip">The shared audio.</param>
    /// <param name="format">The listener's rate (8 or 16 kHz).</param>
    /// <param name="loop">Start again at the end (music on hold) instead of finishing (an announcement).</param>
    public WavPlayer(AudioClip clip, AudioFormat format, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(clip);
        Clip = clip;
        Format = format;
        Loop = loop;
        _samples = clip.ConvertTo(format.SampleRate).Buffer;
    }

    public AudioFormat Format { get; }

    public AudioClip Clip { get; }

    /// <summary>Whether the clip restarts at its end. May be changed while playing (to stop a loop at its end).</summary>
    public bool Loop { get; set; }

    /// <summary>True once a non-looping clip has been played to its end.</summary>
    public bool IsFinished => _position >= _samples.Length && !Loop;

    /// <summary>How far into the clip the next frame starts.</summary>
    public TimeSpan Position => TimeSpan.FromTicks((long)_position * TimeSpan.TicksPerSecond / Format.SampleRate);

    /// <summary>
    /// Writes the next frame. The last partial frame of a non-looping clip is padded with silence; after it the
    /// result is false (frame zeroed). A looping clip joins its end to its start inside the frame.
    /// </summary>
    public bool ReadFrame(Span<short> frame)
    {
        if (_position >= _samples.Length)
        {
            if (!Loop)
            {
                frame.Clear();
                return false;
            }

            _position = 0;
        }

        int written = 0;
        while (written < frame.Length)
        {
            int run = Math.Min(frame.Length - written, _samples.Length - _position);
            _samples.AsSpan(_position, run).CopyTo(frame[written..]);
            written += run;
            _position += run;
            if (_position < _samples.Length)
            {
                break;
            }

            if (!Loop)
            {
                frame[written..].Clear();
                break;
            }

            _position = 0;
        }

        return true;
    }

    /// <summary>Back to the start of the clip.</summary>
    public void Rewind() => _position = 0;
}
