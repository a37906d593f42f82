using ContactCenter.Media.Audio;

namespace ContactCenter.Media.Recording;

// Pause and resume, called from control threads; the clock thread only reads _paused.
public sealed partial class RecordingSession
{
    private readonly Lock _pauseLock = new();
    private readonly List<RecordingPause> _pauses = [];
    private volatile bool _paused;
    private volatile bool _stopRequested;
    private long _pauseStartFrame;
    private long _pauseStartTicks;
    private DateTimeOffset _pauseStartedAt;

    /// <summary>Stops writing until <see cref="Resume"/> (nothing is written meanwhile). Returns false if already paused or stopped.</summary>
    public bool Pause() => ThroughOwner(PauseNow);

    // Through the owner when there is one, so its pending frames are written first at the same tick boundary.
    private bool ThroughOwner(Func<bool> change)
    {
        if (Owner is not { } owner)
        {
            return change();
        }

        var changed = false;
        owner.Control(() => changed = change());
        return changed;
    }

    private bool PauseNow()
    {
        lock (_pauseLock)
        {
            if (_paused || _stopRequested)
            {
                return false;
            }

            _pauseStartFrame = Volatile.Read(ref _committedFrames);
            _pauseStartTicks = Volatile.Read(ref _pausedTicks);
            _pauseStartedAt = _recorder.TimeProvider.GetUtcNow();
            _paused = true;
            return true;
        }
    }

    /// <summary>Writes again from the next tick and records the pause interval. Returns false if not paused.</summary>
    public bool Resume() => ThroughOwner(ResumeNow);

    private bool ResumeNow()
    {
        lock (_pauseLock)
        {
            if (!_paused || _stopRequested)
            {
                return false;
            }

            ClosePause();
            return true;
        }
    }

    private void ClosePause()
    {
        _paused = false;
        long skippedTicks = Volatile.Read(ref _pausedTicks) - _pauseStartTicks;
        _pauses.Add(new RecordingPause(
            TimeSpan.FromMilliseconds(_pauseStartFrame * AudioFormat.FrameMilliseconds),
            TimeSpan.FromMilliseconds(skippedTicks * AudioFormat.FrameMilliseconds),
            _pauseStartedAt,
            _recorder.TimeProvider.GetUtcNow()));
    }
}
