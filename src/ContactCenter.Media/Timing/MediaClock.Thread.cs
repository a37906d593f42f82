namespace ContactCenter.Media.Timing;

public sealed partial class MediaClock
{
    private readonly Lock _lifecycle = new();
    private Thread? _thread;
    private volatile bool _stopping;
    private bool _disposed;

    /// <summary>True while the clock's thread runs.</summary>
    public bool IsRunning => _thread is not null;

    /// <summary>Starts the dedicated clock thread. The first tick runs at once; the clock's origin is now.</summary>
    /// <exception cref="InvalidOperationException">Already started, or already polled by hand.</exception>
    /// <exception cref="ObjectDisposedException">The clock was disposed.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_thread is not null || _originSet)
            {
                throw new InvalidOperationException("The clock is already running or was driven by hand.");
            }

            _thread = new Thread(Run)
            {
                IsBackground = true,
                Name = Options.ThreadName,
                Priority = ThreadPriority.AboveNormal,
            };
            _thread.Start();
        }
    }

    /// <summary>Stops the thread and waits for the dispatch in progress to finish. Idempotent.</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping = true;
            thread = _thread;
        }

        // The thread sleeps at most one tick interval, so it sees the flag within one tick.
        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join();
        }
    }

    private void Run()
    {
        long maxSleep = _intervalTicks;
        while (!_stopping)
        {
            TimeSpan wait = PollCore();
            if (wait > TimeSpan.Zero)
            {
                PreciseSleep.Sleep(TimeSpan.FromTicks(Math.Min(wait.Ticks, maxSleep)));
            }
        }
    }
}
