namespace ContactCenter.Media.Timing;

/// <summary>
/// The one scheduler for periodic media work: every registered <see cref="IMediaTickable"/> runs once per
/// 20 ms tick on a single dedicated thread, instead of a timer or thread per call.
/// </summary>
/// <remarks>
/// <para>
/// Deadlines are absolute: tick <c>n</c> is due at <c>origin + n × TickInterval</c>, so the clock never drifts.
/// When the thread wakes later than one whole tick (a GC pause, an overloaded box), the deadlines it missed are
/// dispatched at once, in order, up to <see cref="MediaClockOptions.MaxCatchUpTicks"/> of them: every tickable counts
/// one tick as one frame of media, so a skipped tick would shorten recordings and make jitter buffers trim (an audible
/// cut every few hundred milliseconds on a busy box). Deadlines older than that are skipped and counted in
/// <see cref="MediaClockStatistics.SkippedTicks"/>; the lateness is in <see cref="MediaClockStatistics.MaxLateness"/>.
/// </para>
/// <para>
/// Scheduling and dispatch are separate. <see cref="Start"/> runs a thread that calls <see cref="Poll"/> and sleeps
/// until the next deadline. Without <see cref="Start"/> the clock is in manual mode: a test (or a host with its own
/// loop) advances its <see cref="TimeProvider"/> and calls <see cref="Poll"/> itself, which makes tick timing
/// deterministic under <c>FakeTimeProvider</c>.
/// </para>
/// <para>
/// <see cref="Register"/> and <see cref="Unregister"/> are thread-safe and may be called from inside a tick; they
/// replace a copy-on-write array, so the tick path reads one reference and takes no lock. A tickable registered
/// during a tick first runs on the next one.
/// </para>
/// </remarks>
public sealed partial class MediaClock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _intervalTicks;
    private readonly long _lateThresholdTicks;
    private IMediaTickable[] _tickables = [];

    // Written only by the thread that polls; read by anyone through Statistics.
    private bool _originSet;
    private long _originTimestamp;
    private long _nextTick;
    private long _ticks;
    private long _lateTicks;
    private long _skippedTicks;
    private long _maxLatenessTicks;
    private long _maxDispatchTicks;
    private long _faults;

    /// <summary>Creates a stopped clock; call <see cref="Start"/> for the real-time thread, or <see cref="Poll"/> to drive it by hand.</summary>
    public MediaClock(MediaClockOptions? options = null, TimeProvider? timeProvider = null)
    {
        Options = options ?? new MediaClockOptions();
        Options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _intervalTicks = Options.TickInterval.Ticks;
        _lateThresholdTicks = Options.LateThreshold.Ticks;
    }

    public MediaClockOptions Options { get; }

    /// <summary>The number the next dispatch will pass to <see cref="IMediaTickable.OnTick"/> at the earliest.</summary>
    public long NextTick => Volatile.Read(ref _nextTick);

    /// <summary>A consistent-enough snapshot (each counter is read atomically; they are not read together).</summary>
    public MediaClockStatistics Statistics => new(
        Volatile.Read(ref _ticks),
        Volatile.Read(ref _lateTicks),
        Volatile.Read(ref _skippedTicks),
        TimeSpan.FromTicks(Volatile.Read(ref _maxLatenessTicks)),
        TimeSpan.FromTicks(Volatile.Read(ref _maxDispatchTicks)),
        Volatile.Read(ref _faults),
        Volatile.Read(ref _tickables).Length);

    /// <summary>Adds a tickable; it runs from the next tick on. Returns false when it is already registered.</summary>
    public bool Register(IMediaTickable tickable)
    {
        ArgumentNullException.ThrowIfNull(tickable);
        while (true)
        {
            IMediaTickable[] current = Volatile.Read(ref _tickables);
            if (Array.IndexOf(current, tickable) >= 0)
            {
                return false;
            }

            IMediaTickable[] updated = new IMediaTickable[current.Length + 1];
            current.CopyTo(updated, 0);
            updated[^1] = tickable;
            if (Interlocked.CompareExchange(ref _tickables, updated, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Removes a tickable. Returns false when it was not registered. A dispatch already running on the clock thread
    /// may still call it once; a tickable unregistering itself from <see cref="IMediaTickable.OnTick"/> is not called again.
    /// </summary>
    public bool Unregister(IMediaTickable tickable)
    {
        ArgumentNullException.ThrowIfNull(tickable);
        while (true)
        {
            IMediaTickable[] current = Volatile.Read(ref _tickables);
            int index = Array.IndexOf(current, tickable);
            if (index < 0)
            {
                return false;
            }

            IMediaTickable[] updated = new IMediaTickable[current.Length - 1];
            Array.Copy(current, 0, updated, 0, index);
            Array.Copy(current, index + 1, updated, index, current.Length - index - 1);
            if (Interlocked.CompareExchange(ref _tickables, updated, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Runs the due tick, if any, and returns how long until the next deadline (zero when it is already due).
    /// The first call fixes the clock's origin and runs tick 0. The clock thread calls this in a loop; in manual mode
    /// (never started) a single caller calls it after advancing the time provider.
    /// </summary>
    /// <exception cref="InvalidOperationException">The clock thread is running.</exception>
    public TimeSpan Poll()
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("The clock thread is running; Poll is for manual mode.");
        }

        return PollCore();
    }

    private TimeSpan PollCore()
    {
        long now = _time.GetTimestamp();
        if (!_originSet)
        {
            _originTimestamp = now;
            _originSet = true;
        }

        long elapsed = _time.GetElapsedTime(_originTimestamp, now).Ticks;
        long due = elapsed / _intervalTicks;
        if (due < _nextTick)
        {
            return TimeSpan.FromTicks((_nextTick * _intervalTicks) - elapsed);
        }

        // Missed deadlines within the catch-up window run now, in order: each is 20 ms of media that every jitter buffer,
        // recording and sender expects. Only older ones are skipped.
        long first = Math.Max(_nextTick, due - Options.MaxCatchUpTicks);
        long lateness = elapsed - (_nextTick * _intervalTicks);
        if (lateness > _maxLatenessTicks)
        {
            Volatile.Write(ref _maxLatenessTicks, lateness);
        }

        Volatile.Write(ref _skippedTicks, _skippedTicks + (first - _nextTick));
        for (long tick = first; tick <= due; tick++)
        {
            if (elapsed - (tick * _intervalTicks) > _lateThresholdTicks)
            {
                Volatile.Write(ref _lateTicks, _lateTicks + 1);
            }

            long start = _time.GetTimestamp();
            Dispatch(tick);
            Volatile.Write(ref _nextTick, tick + 1);
            Volatile.Write(ref _ticks, _ticks + 1);
            long duration = _time.GetElapsedTime(start).Ticks;
            if (duration > _maxDispatchTicks)
            {
                Volatile.Write(ref _maxDispatchTicks, duration);
            }
        }

        long after = _time.GetElapsedTime(_originTimestamp, _time.GetTimestamp()).Ticks;
        return TimeSpan.FromTicks(Math.Max(0, ((due + 1) * _intervalTicks) - after));
    }

    private void Dispatch(long tick)
    {
        IMediaTickable[] snapshot = Volatile.Read(ref _tickables);
        foreach (IMediaTickable tickable in snapshot)
        {
            try
            {
                tickable.OnTick(tick);
            }
            catch (Exception)
            {
                // One broken player must not silence every other call on the box; the count makes it visible.
                Volatile.Write(ref _faults, _faults + 1);
            }
        }
    }
}
