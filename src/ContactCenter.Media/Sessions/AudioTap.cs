using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// Hands one leg's inbound audio to an <see cref="IAudioSink"/> (a recorder channel, a mixer input) once per tick,
/// resampling when the sink's rate differs. A tick without audio, or a paused tap, writes a silent frame so the sink's
/// timeline never skips (a paused recording keeps its length and holds silence where the card number was).
/// </summary>
internal sealed class AudioTap
{
    private readonly short[] _frame;
    private readonly IAudioResampler? _resampler;
    private volatile bool _paused;

    public AudioTap(IAudioSink sink, AudioFormat inboundFormat)
    {
        Sink = sink;
        _frame = new short[Math.Max(sink.Format.SamplesPerFrame, inboundFormat.SamplesPerFrame) * 2];
        _resampler = inboundFormat.SampleRate == sink.Format.SampleRate ? null : AudioResampler.Create(inboundFormat.SampleRate, sink.Format.SampleRate);
    }

    public IAudioSink Sink { get; }

    public bool IsPaused => _paused;

    public void Pause() => _paused = true;

    public void Resume() => _paused = false;

    /// <summary>Writes this tick's frame; <paramref name="inbound"/> is empty when nothing arrived.</summary>
    public void Write(ReadOnlySpan<short> inbound)
    {
        var samples = Sink.Format.SamplesPerFrame;
        if (_paused || inbound.IsEmpty)
        {
            var silence = _frame.AsSpan(0, samples);
            silence.Clear();
            Sink.WriteFrame(silence, silent: true);
            return;
        }

        if (_resampler is null)
        {
            Sink.WriteFrame(inbound, silent: false);
            return;
        }

        var produced = _resampler.Process(inbound, _frame);
        var frame = _frame.AsSpan(0, samples);
        if (produced < samples)
        {
            frame[Math.Max(0, produced)..].Clear();
        }

        Sink.WriteFrame(frame, silent: false);
    }
}
