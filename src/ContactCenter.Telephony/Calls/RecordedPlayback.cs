using ContactCenter.Media.Audio;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Plays <see cref="Source"/> to a leg and copies every frame it plays to a recording channel: what a leg plays to its
/// phone (music on hold) is what that party hears while unbridged, and the recording's other channel has no bridged
/// peer to follow then. Read on the media clock, like the recording it writes to.
/// </summary>
internal sealed class RecordedPlayback(IAudioSource source, IAudioSink channel) : IAudioSource
{
    public IAudioSource Source { get; } = source;

    public IAudioSink Channel { get; } = channel;

    public AudioFormat Format => Source.Format;

    public bool ReadFrame(Span<short> frame)
    {
        bool playing = Source.ReadFrame(frame);
        Channel.WriteFrame(frame, silent: !playing);
        return playing;
    }
}
