namespace ContactCenter.Media.Jitter;

/// <summary>
/// Chooses the target depth from how late packets arrive compared with the earliest one of the last few seconds.
/// </summary>
/// <remarks>
/// Each packet's relative delay is its arrival time minus its media time (RTP timestamp). The smallest relative
/// delay of the current and previous window (two windows, so the baseline follows clock drift between sender and
/// us) is the baseline; a packet's lateness is how far above it the packet lies. A frame of lateness needs a frame
/// of depth: the target grows at once to cover any packet, and shrinks by one frame per shrink interval in which
/// no packet needed the current target.
/// </remarks>
internal sealed class JitterDepthEstimator
{
    private const int BaselineWindowPackets = 100;
    private static readonly long FrameTicks = TimeSpan.FromMilliseconds(20).Ticks;

    private readonly int _minFrames;
    private readonly int _maxFrames;
    private readonly int _shrinkPackets;
    private readonly int _clockRate;
    private readonly TimeProvider _time;
    private bool _hasOrigin;
    private long _originArrival;
    private long _currentMin;
    private long _previousMin;
    private int _windowCount;
    private int _shrinkCount;
    private int _shrinkNeed;

    public JitterDepthEstimator(int minFrames, int maxFrames, TimeSpan shrinkInterval, int clockRate, TimeProvider time)
    {
        _minFrames = minFrames;
        _maxFrames = maxFrames;
        _shrinkPackets = Math.Max(1, (int)(shrinkInterval.Ticks / FrameTicks));
        _clockRate = clockRate;
        _time = time;
        TargetFrames = minFrames;
        Rebase();
    }

    public int TargetFrames { get; private set; }

    /// <summary>A new stream: forget the baseline and go back to the minimum depth.</summary>
    public void Reset()
    {
        TargetFrames = _minFrames;
        _shrinkCount = 0;
        _shrinkNeed = 0;
        Rebase();
    }

    /// <summary>The media timeline moved: forget the baseline, keep the target.</summary>
    public void Rebase()
    {
        _hasOrigin = false;
        _currentMin = long.MaxValue;
        _previousMin = long.MaxValue;
        _windowCount = 0;
    }

    public void Observe(long extendedTimestamp, long arrivalTimestamp)
    {
        if (!_hasOrigin)
        {
            _originArrival = arrivalTimestamp;
            _hasOrigin = true;
        }

        long arrival = _time.GetElapsedTime(_originArrival, arrivalTimestamp).Ticks;
        long media = extendedTimestamp * TimeSpan.TicksPerSecond / _clockRate;
        long relativeDelay = arrival - media;

        _currentMin = Math.Min(_currentMin, relativeDelay);
        if (++_windowCount >= BaselineWindowPackets)
        {
            _previousMin = _currentMin;
            _currentMin = long.MaxValue;
            _windowCount = 0;
        }

        long baseline = Math.Min(_currentMin, _previousMin);
        long lateness = relativeDelay - baseline;
        int need = Math.Clamp(1 + (int)(lateness / FrameTicks), _minFrames, _maxFrames);
        if (need > TargetFrames)
        {
            TargetFrames = need;
        }

        _shrinkNeed = Math.Max(_shrinkNeed, need);
        if (++_shrinkCount >= _shrinkPackets)
        {
            if (_shrinkNeed < TargetFrames)
            {
                TargetFrames--;
            }

            _shrinkCount = 0;
            _shrinkNeed = 0;
        }
    }
}
