namespace ContactCenter.Media.Audio;

/// <summary>Linear 16-bit mono PCM at a sample rate; frames are 20 ms (160 samples at 8 kHz, 320 at 16 kHz).</summary>
public readonly record struct AudioFormat(int SampleRate)
{
    public const int FrameMilliseconds = 20;

    public static readonly AudioFormat Narrowband = new(8000);
    public static readonly AudioFormat Wideband = new(16000);

    public int SamplesPerFrame => SampleRate * FrameMilliseconds / 1000;
}
