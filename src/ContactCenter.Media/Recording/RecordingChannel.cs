using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Recording;

/// <summary>One party of a recording as an <see cref="IAudioSink"/> (e.g. the caller's decoded audio).</summary>
internal sealed class RecordingChannel(RecordingSession session, int party) : IAudioSink
{
    public AudioFormat Format => session.StorageFormat;

    public void WriteFrame(ReadOnlySpan<short> frame, bool silent) => session.WriteFrame(party, frame, silent);
}
