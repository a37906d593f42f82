using ContactCenter.Media.Audio;
using ContactCenter.Media.Playback;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Plays prompts one after the other, then hands over to <see cref="Then"/> (the music on hold that was playing, which
/// resumes where it stopped): a queue announcement between the music. Read on the media clock; no allocation per frame.
/// </summary>
internal sealed class PromptSequence : IAudioSource
{
    private readonly WavPlayer[] _prompts;
    private int _index;

    public PromptSequence(IReadOnlyList<AudioClip> clips, AudioFormat format, IAudioSource? then)
    {
        Format = format;
        Then = then;
        _prompts = clips.Select(clip => new WavPlayer(clip, format)).ToArray();
    }

    public AudioFormat Format { get; }

    /// <summary>What plays after the prompts.</summary>
    public IAudioSource? Then { get; }

    public bool ReadFrame(Span<short> frame)
    {
        while (_index < _prompts.Length)
        {
            // A prompt's last partial frame comes padded with silence; the next prompt starts on the next frame.
            if (_prompts[_index].ReadFrame(frame)) return true;
            _index++;
        }
        return Then?.ReadFrame(frame) ?? false;
    }
}
