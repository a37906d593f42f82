using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Tests.Endpoints;

/// <summary>An audio source that always has a frame: a 440 Hz tone at 8 kHz.</summary>
internal sealed class ConstantSource(AudioFormat? format = null) : IAudioSource
{
    private long _position;

    public AudioFormat Format { get; } = format ?? AudioFormat.Narrowband;

    public int FramesRead { get; private set; }

    public bool ReadFrame(Span<short> frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * _position++ / Format.SampleRate));
        }

        FramesRead++;
        return true;
    }
}
