using System.Diagnostics;

namespace ContactCenter.Media.Recording;

/// <summary>
/// Starts recordings and owns the one writer thread that moves their frames to disk. The media clock only copies a
/// frame into a recording's bounded queue and wakes the writer; it never touches a file, never waits, and when the
/// disk falls behind the newest frames are dropped and counted (<see cref="RecordingSession.DroppedFrames"/>). A
/// recording filled on arrival (<see cref="ArrivalFrames"/>) is not fed by the clock: the writer polls it.
/// One recorder serves the whole process.
/// </summary>
public sealed class Recorder : IAsyncDisposable
{
    private readonly RecorderOptions _options;
    // No spinning before the writer sleeps: it is woken up to fifty times a second, and a spin of yields at every wake
    // was a quarter of its time with 500 calls recorded.
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);
    private readonly ManualResetEventSlim _urgent = new(initialState: false, spinCount: 0); // ends the rest between rounds
    private readonly Lock _sessionsLock = new();
    private readonly Thread _writer;
    private readonly TaskCompletionSource _writerExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RecordingSession[] _sessions = [];
    private int _signalled;
    private volatile bool _disposing;

    public Recorder(RecorderOptions? options = null)
    {
        _options = options ?? new RecorderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FileBufferSize, 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MinimumWakeInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MinimumWakeInterval, TimeSpan.FromSeconds(1), nameof(options));
        _writer = new Thread(RunWriter) { IsBackground = true, Name = "recording-writer" };
        _writer.Start();
    }

    /// <summary>Recordings started and not yet completed.</summary>
    public int ActiveRecordings => Volatile.Read(ref _sessions).Length;

    internal TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>
    /// Creates the file (and its directories) with an empty header and returns the session the media clock feeds.
    /// Call from a control thread, not the clock: it opens a file.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    /// <exception cref="IOException">The file exists or cannot be created.</exception>
    /// <exception cref="ObjectDisposedException">The recorder is disposed.</exception>
    public RecordingSession Start(RecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ObjectDisposedException.ThrowIf(_disposing, this);
        string path = Path.GetFullPath(options.Path);
        string? directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Stream stream = _options.OpenStream(path, _options.FileBufferSize);
        RecordingSession session;
        try
        {
            session = new RecordingSession(this, options, path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        lock (_sessionsLock)
        {
            if (!_disposing)
            {
                _sessions = [.. _sessions, session];
                return session;
            }
        }

        stream.Dispose();
        throw new ObjectDisposedException(nameof(Recorder));
    }

    /// <summary>Stops every active recording (final headers written) and ends the writer thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposing)
        {
            await _writerExited.Task.ConfigureAwait(false);
            return;
        }

        lock (_sessionsLock)
        {
            _disposing = true;
        }

        foreach (RecordingSession session in Volatile.Read(ref _sessions))
        {
            _ = session.StopAsync();
        }

        SignalUrgent();
        await _writerExited.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Wakes the writer now, even in its rest between rounds: a queue is half full (a clock faster than real time, a slow
    /// disk), a recording stops, or the recorder is disposed.
    /// </summary>
    internal void SignalUrgent()
    {
        _urgent.Set();
        Signal();
    }

    /// <summary>
    /// A recording is filled on arrival now: nobody signals its ticks, so the writer polls (every
    /// <see cref="RecorderOptions.MinimumWakeInterval"/>, at least every <see cref="ArrivalPoll"/>) while any is.
    /// </summary>
    internal void ArrivalsStarted() => Signal();

    /// <summary>Writer thread: where recordings filled on arrival interleave a batch of stereo G.711 frames (one for all).</summary>
    internal byte[] ArrivalBatch => _arrivalBatch ??= new byte[ArrivalFrames.MinimumCapacity * 2 * ArrivalFrames.FrameBytes];

    private byte[]? _arrivalBatch;

    // The wait between rounds while recordings are filled on arrival (after the rest of MinimumWakeInterval).
    private static readonly TimeSpan ArrivalPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Wakes the writer; cheap when it is already awake (one read of a flag).</summary>
    internal void Signal()
    {
        if (Volatile.Read(ref _signalled) == 0 && Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _wake.Set();
        }
    }

    private void RunWriter()
    {
        try
        {
            var polling = false;
            while (true)
            {
                if (polling)
                {
                    _wake.Wait(ArrivalPoll);
                }
                else
                {
                    _wake.Wait();
                }

                polling = false;
                long woke = Stopwatch.GetTimestamp();
                _wake.Reset();
                Interlocked.Exchange(ref _signalled, 0);
                RecordingSession[] sessions = Volatile.Read(ref _sessions);
                foreach (RecordingSession session in sessions)
                {
                    // Read the stop flag before draining: every frame committed before StopAsync is then in this drain.
                    bool stopping = session.StopRequested;
                    polling |= session.Arrivals is { Finished: false };
                    if (!stopping && !session.DrainDue)
                    {
                        continue;
                    }

                    session.Drain();
                    if (stopping)
                    {
                        session.Complete();
                        Remove(session);
                    }
                }

                if (_disposing && Volatile.Read(ref _sessions).Length == 0)
                {
                    return;
                }

                // Signals that come meanwhile only set the event (no thread to wake); the next round takes their frames.
                TimeSpan rest = _options.MinimumWakeInterval - Stopwatch.GetElapsedTime(woke);
                if (rest > TimeSpan.Zero && !_disposing)
                {
                    _urgent.Wait(rest);
                }

                _urgent.Reset();
            }
        }
        finally
        {
            _writerExited.TrySetResult();
        }
    }

    private void Remove(RecordingSession session)
    {
        lock (_sessionsLock)
        {
            _sessions = Array.FindAll(_sessions, s => !ReferenceEquals(s, session));
        }
    }
}
