namespace ContactCenter.Media.Jitter;

/// <summary>
/// Fills frames for missing packets: the last good frame repeated with a gain that ramps down smoothly over
/// <see cref="FadeFrames"/> frames (1 → 0.75 → 0.5 → 0.25 → 0, linear within each frame, so there is no step), then
/// silence. A fade rather than a plain repeat because a repeated voiced frame buzzes, and a fade to zero rather than
/// a cut because a cut clicks.
/// </summary>
internal sealed class LossConcealer
{
    public const int FadeFrames = 4;

    private readonly short[] _lastFrame;
    private bool _hasLastFrame;
    private int _missing;

    public LossConcealer(int samplesPerFrame) => _lastFrame = new short[samplesPerFrame];

    /// <summary>A good frame was played: remember it and end any concealment.</summary>
    public void Remember(ReadOnlySpan<short> frame)
    {
        frame.CopyTo(_lastFrame);
        _hasLastFrame = true;
        _missing = 0;
    }

    /// <summary>A new source: its first loss must not replay the old source's audio.</summary>
    public void Forget()
    {
        _hasLastFrame = false;
        _missing = 0;
    }

    /// <summary>Fills <paramref name="frame"/> for one missing packet; false (frame zeroed) once the fade is over.</summary>
    public bool Conceal(Span<short> frame)
    {
        int index = ++_missing;
        if (!_hasLastFrame || index > FadeFrames)
        {
            frame.Clear();
            return false;
        }

        int length = _lastFrame.Length;
        int startGain = (FadeFrames - index + 1) * length;
        int totalSpan = FadeFrames * length;

        // gain(i) = (startGain - i) / totalSpan: from (F-k+1)/F down towards (F-k)/F across the frame.
        for (int i = 0; i < length; i++)
        {
            frame[i] = (short)((long)_lastFrame[i] * (startGain - i) / totalSpan);
        }

        return true;
    }
}
