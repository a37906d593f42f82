using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Mixing;

/// <summary>
/// One leg in a <see cref="ConferenceMixer"/>. As an <see cref="IAudioSink"/> it takes the leg's decoded audio for the
/// next mix; as an <see cref="IAudioSource"/> it gives what the leg should hear (everyone but itself) from the last mix.
/// Alternatively the mixer pulls input from, and pushes output to, the source and sink given at join.
/// </summary>
/// <remarks>
/// <see cref="WriteFrame"/>, <see cref="ReadFrame"/> and the mixer's tick run on the media clock thread. <see cref="Mode"/>,
/// <see cref="Gain"/>, <see cref="Muted"/> and <see cref="WhisperTarget"/> may be changed from any thread; they apply from the
/// next tick.
/// </remarks>
public sealed partial class MixerParticipant : IAudioSink, IAudioSource
{
    internal const int MaxSamples = 320;

    private readonly IAudioSource? _inputSource;
    private readonly IAudioSink? _outputSink;
    private readonly short[] _input;
    private readonly short[] _output;
    private readonly IAudioResampler? _upsampler;
    private readonly IAudioResampler? _downsampler;
    private volatile MixerParticipantMode _mode = MixerParticipantMode.Speaker;
    private volatile MixerParticipant? _whisperTarget;
    private volatile bool _muted;
    private volatile int _gainQ12 = PcmMath.UnityGainQ12;
    private float _gain = 1f;
    private volatile bool _joined = true;
    private bool _inputPresent;
    private bool _outputSilent = true;
    private long _invalidFrames;

    internal MixerParticipant(AudioFormat format, IAudioSource? input, IAudioSink? output)
    {
        Format = format;
        _inputSource = input;
        _outputSink = output;
        _input = new short[format.SamplesPerFrame];
        _output = new short[format.SamplesPerFrame];
        if (format.SampleRate == 8000)
        {
            // Only used while a 16 kHz participant raises the mix rate; created now so the tick never allocates.
            _upsampler = AudioResampler.Create(8000, 16000);
            _downsampler = AudioResampler.Create(16000, 8000);
        }
    }

    /// <summary>The leg's rate: 8000 or 16000 Hz, 20 ms frames, in and out.</summary>
    public AudioFormat Format { get; }

    public MixerParticipantMode Mode
    {
        get => _mode;
        set => _mode = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown mode.");
    }

    /// <summary>Who hears this participant in <see cref="MixerParticipantMode.Whisper"/> mode (nobody while null).</summary>
    public MixerParticipant? WhisperTarget
    {
        get => _whisperTarget;
        set => _whisperTarget = ReferenceEquals(value, this) ? throw new ArgumentException("A participant cannot whisper to itself.", nameof(value)) : value;
    }

    /// <summary>Muted: contributes nothing, still hears the conference.</summary>
    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>Linear gain on this participant's voice before mixing (1 = unchanged; clamped to 0–8, i.e. up to +18 dB).</summary>
    public float Gain
    {
        get => _gain;
        set
        {
            _gain = float.IsNaN(value) ? 0 : Math.Clamp(value, 0f, 8f);
            _gainQ12 = PcmMath.ToGainQ12(_gain);
        }
    }

    /// <summary>False once the participant left; it then hears and contributes nothing.</summary>
    public bool IsJoined => _joined;

    /// <summary>Frames given with the wrong length (dropped, that tick counts as silence).</summary>
    public long InvalidFrames => Volatile.Read(ref _invalidFrames);

    /// <summary>This leg's audio for the next mix: <see cref="AudioFormat.SamplesPerFrame"/> samples, or silent. Never throws.</summary>
    public void WriteFrame(ReadOnlySpan<short> frame, bool silent)
    {
        if (silent)
        {
            _inputPresent = false;
            return;
        }

        if (frame.Length != _input.Length)
        {
            _invalidFrames++;
            _inputPresent = false;
            return;
        }

        frame.CopyTo(_input);
        _inputPresent = true;
    }

    /// <summary>
    /// What this leg hears from the last mix (everyone else, whispers to it included). Returns false when that is silence
    /// (nobody else spoke, or the participant left) or <paramref name="frame"/> is not one frame long.
    /// </summary>
    public bool ReadFrame(Span<short> frame)
    {
        if (_outputSilent || !_joined || frame.Length != _output.Length)
        {
            return false;
        }

        _output.CopyTo(frame);
        return true;
    }

    internal void MarkLeft() => _joined = false;
}
