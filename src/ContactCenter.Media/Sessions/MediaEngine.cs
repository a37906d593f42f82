using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Mixing;
using ContactCenter.Media.Ports;
using ContactCenter.Media.Recording;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// The media engine's front door for the call engine: creates legs on ports from the configured range, conferences and
/// recordings, and drives all of them from ONE <see cref="MediaClock"/> on which the engine is the single tickable.
/// </summary>
/// <remarks>
/// <para>
/// Tick order (every 20 ms, on the clock thread), so that everything produced in a tick is consumed in the same tick:
/// 1. inputs: every leg a tap or a mixer listens to reads this tick's frame from its jitter buffer and feeds them; a leg
///    only recordings listen to reads every <see cref="MediaEngineOptions.RecordingReadTicks"/> ticks, the frames of
///    all the ticks since its last read, each as of its own tick;
/// 2. mixers: every conference mixes;
/// 3. recordings: every recording writes the file frames of the ticks both its parties have read, in tick order (a
///    two-party G.711 recording is filled as packets arrive instead, see <see cref="MediaEngineOptions.RecordOnArrival"/>,
///    and is not part of the tick until something moves it to this path);
/// 4. sends: every leg sends DTMF, RTCP and one frame of what plays to it (player, mix share, transcoded bridge audio).
/// Same-codec bridges relay on the receive loops and are not part of the tick.
/// </para>
/// <para>
/// Clock: the engine creates its own clock unless one is given, and registers itself. <see cref="Start"/> starts the
/// clock's real-time thread; without it the clock is in manual mode and a test advances its <c>FakeTimeProvider</c>
/// and calls <see cref="MediaClock.Poll"/> (or <see cref="OnTick"/> directly).
/// </para>
/// <para>
/// Thread-safe: legs, conferences and recordings may be created and disposed from any call's queue; the tick takes no
/// lock: it reads the legs' <see cref="TickList{T}"/> (O(1) add and remove, for thousands of calls per second) and the
/// conferences' and recordings' copy-on-write arrays (few, and rarely changed).
/// </para>
/// </remarks>
public sealed class MediaEngine : IMediaTickable, IDisposable
{
    private readonly MediaEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly CodecCatalog _codecs;
    private readonly RtpPortAllocator _ports;
    private readonly IPAddress _advertised;
    private readonly Lock _legsGate = new();
    private readonly bool _ownsClock;
    private readonly Lock _recorderGate = new();
    private readonly string? _recordingRoot;
    private readonly TickList<MediaLeg> _legs = new();
    private readonly Lock _tickGate = new();
    private readonly long[] _tickTimes = new long[CapturedFrames.Capacity];
    private long _sequence = -1;
    private MediaConference[] _conferences = [];
    private LegRecording[] _recordings = [];
    private LegRecording[] _clockRecordings = []; // those the clock feeds (not filled on arrival)
    private readonly Lock _leavingGate = new();
    private readonly List<LegRecording> _leavingArrivals = [];
    private volatile bool _arrivalLeavesPending;
    private Recorder? _recorder;
    private long _tickFaults;
    private int _disposed;

    /// <summary>
    /// Creates an engine; throws <see cref="ArgumentException"/> on a configuration that cannot work. When
    /// <see cref="MediaEngineOptions.RecordingDirectory"/> is set, recordings a crash left with stale headers are
    /// repaired first (<see cref="StartupRepair"/>), before any recording can start.
    /// </summary>
    /// <param name="options">Ports, codecs, endpoint behaviour, recording directory.</param>
    /// <param name="timeProvider">The time of every timer in the engine (FakeTimeProvider in tests).</param>
    /// <param name="clock">A shared clock to register on; null creates one the engine owns (and disposes).</param>
    public MediaEngine(MediaEngineOptions options, TimeProvider? timeProvider = null, MediaClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Capabilities.Validate();
        _advertised = options.AdvertisedAddress ?? options.Ports.BindAddress;
        if (_advertised.Equals(IPAddress.Any) || _advertised.Equals(IPAddress.IPv6Any))
        {
            throw new ArgumentException("Set AdvertisedAddress when the RTP sockets bind to a wildcard address.", nameof(options));
        }

        if (options.RecordingReadTicks is < 1 or > CapturedFrames.Capacity / 2 - 2)
        {
            throw new ArgumentException($"RecordingReadTicks must be 1 to {(CapturedFrames.Capacity / 2) - 2}.", nameof(options));
        }

        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _codecs = options.Codecs ?? CodecCatalog.Default;
        _ports = new RtpPortAllocator(options.Ports);
        if (options.RecordingDirectory is { } root)
        {
            _recordingRoot = Path.GetFullPath(root);
            Directory.CreateDirectory(_recordingRoot);
            StartupRepair = RecordingRepair.RepairDirectory(_recordingRoot);
        }

        _ownsClock = clock is null;
        Clock = clock ?? new MediaClock(options.Clock, _time);
        Clock.Register(this);
    }

    /// <summary>The clock driving the engine (manual mode until <see cref="Start"/>).</summary>
    public MediaClock Clock { get; }

    /// <summary>What crash repair found in <see cref="MediaEngineOptions.RecordingDirectory"/> at construction, or null.</summary>
    public RecordingRepairReport? StartupRepair { get; }

    /// <summary>Conferences alive now.</summary>
    public int ActiveConferences => Volatile.Read(ref _conferences).Length;

    /// <summary>Recordings being written now.</summary>
    public int ActiveRecordings => Volatile.Read(ref _recordings).Length;

    /// <summary>Exceptions caught in a leg's, mixer's or recording's tick work (each one skipped only that item).</summary>
    public long TickFaults => Volatile.Read(ref _tickFaults);

    /// <summary>Starts the clock's real-time thread (when the engine owns the clock and it is not running).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!Clock.IsRunning)
        {
            Clock.Start();
        }
    }

    /// <summary>A conference (up to <paramref name="maxParticipants"/> legs) mixed in the engine's mixers phase.</summary>
    public MediaConference CreateConference(int maxParticipants = ConferenceMixer.DefaultMaxParticipants)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var conference = new MediaConference(this, maxParticipants);
        lock (_legsGate)
        {
            _conferences = [.. _conferences, conference];
        }

        return conference;
    }

    /// <summary>Legs alive now.</summary>
    public int ActiveLegs => _legs.Count;

    /// <summary>Port pairs in the range.</summary>
    public int PortCapacity => _ports.Capacity;

    /// <summary>Port pairs leased now (equals <see cref="ActiveLegs"/> unless a leg is being created or disposed).</summary>
    public int PortsInUse => _ports.Leased;

    /// <summary>
    /// Creates a leg: allocates an RTP/RTCP port pair, starts its receive loops and returns it with the local address for
    /// SDP; or a typed error when the range is exhausted (answer 503) or binding failed. <paramref name="events"/>
    /// receives DTMF and media-timeout events on media threads: post them to the call's queue and return.
    /// </summary>
    public MediaLegCreation CreateLeg(Action<MediaEvent>? events = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var allocation = _ports.TryAllocate();
        if (!allocation.Succeeded)
        {
            return new MediaLegCreation(null, allocation.Error, allocation.SocketError);
        }

        var lease = allocation.Lease;
        MediaLeg leg;
        try
        {
            leg = new MediaLeg(
                this,
                listener => new RtpEndpoint(lease, _options.Endpoint, listener, _time, _codecs),
                _options.Capabilities,
                _advertised,
                events);
            leg.Endpoint.Start();
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        leg.EngineSlot = _legs.Add(leg);
        return new MediaLegCreation(leg, RtpPortAllocationError.None, System.Net.Sockets.SocketError.Success);
    }

    /// <summary>
    /// One 20 ms tick in the documented order: inputs, mixers, recordings, sends. Called by the clock; a fault in one
    /// item is counted in <see cref="TickFaults"/> and never stops the others.
    /// </summary>
    public void OnTick(long tick)
    {
        // The lock is the clock's alone but for a recording's stop, pause, resume or change of party, which read what
        // the legs have pending in between two ticks (CatchUpRecording); uncontended, it costs a few nanoseconds a tick.
        lock (_tickGate)
        {
            var sequence = _sequence + 1;
            _tickTimes[sequence & (CapturedFrames.Capacity - 1)] = _time.GetTimestamp();
            _sequence = sequence; // read only under the same lock
            Ticks.Publish(sequence);
            if (_arrivalLeavesPending)
            {
                LeaveArrivals(sequence - 1);
            }

            RunPhases(tick, sequence);
        }
    }

    /// <summary>The last tick started, for the receive loops and the recording writer (no lock).</summary>
    internal TickSequence Ticks { get; } = new();

    /// <summary>
    /// Any thread: the recording leaves the fill-on-arrival mode for the clock's path at the next tick's start (a packet
    /// in another codec, a player writing a channel).
    /// </summary>
    internal void RequestClockPath(LegRecording recording)
    {
        lock (_leavingGate)
        {
            _leavingArrivals.Add(recording);
            _arrivalLeavesPending = true;
        }
    }

    // Under the tick lock, before the tick's phases: the requested recordings' frames after `through` come from the clock.
    private void LeaveArrivals(long through)
    {
        LegRecording[] leaving;
        lock (_leavingGate)
        {
            leaving = [.. _leavingArrivals];
            _leavingArrivals.Clear();
            _arrivalLeavesPending = false;
        }

        foreach (var recording in leaving)
        {
            try
            {
                recording.LeaveArrivals(through);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _tickFaults);
            }
        }
    }

    /// <summary>How often a leg only recordings listen to reads its jitter buffer (<see cref="MediaEngineOptions.RecordingReadTicks"/>).</summary>
    internal int RecordingReadTicks => _options.RecordingReadTicks;

    /// <summary>When tick <paramref name="sequence"/> (one of the last few) started, on the engine's time provider.</summary>
    internal long TickTime(long sequence) => _tickTimes[sequence & (CapturedFrames.Capacity - 1)];

    /// <summary>
    /// Between two ticks: the recording's parties read what they have pending and the recording writes it, so what
    /// follows (stop, pause, resume, a new party) starts from the last tick; <paramref name="then"/> (a pause or a
    /// resume) runs under the same hold of the tick lock. Called on the call's queue.
    /// </summary>
    internal void CatchUpRecording(LegRecording recording, Action? then = null)
    {
        lock (_tickGate)
        {
            try
            {
                recording.CatchUp(_sequence);
            }
            catch (Exception)
            {
                // Counted like a fault in the tick: the stop, pause or re-bridge that asked still happens.
                Interlocked.Increment(ref _tickFaults);
            }

            // A pause or resume takes effect at this same tick boundary: no tick runs between the catch-up and the change.
            then?.Invoke();
        }
    }

    private void RunPhases(long tick, long sequence)
    {
        var now = TickTime(sequence);
        var legs = _legs.Slots;
        foreach (var leg in legs)
        {
            if (leg is null)
            {
                continue;
            }

            try
            {
                leg.Capture(sequence);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _tickFaults);
            }
        }

        foreach (var conference in Volatile.Read(ref _conferences))
        {
            try
            {
                conference.Mixer.OnTick(tick);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _tickFaults);
            }
        }

        foreach (var recording in Volatile.Read(ref _clockRecordings))
        {
            try
            {
                recording.Tick(tick, sequence);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _tickFaults);
            }
        }

        foreach (var leg in legs)
        {
            if (leg is null)
            {
                continue;
            }

            try
            {
                leg.Send(tick, now);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _tickFaults);
            }
        }
    }

    /// <summary>Stops the clock (when owned), disposes every leg (ports returned), finishes recordings and stops the recorder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Clock.Unregister(this);
        if (_ownsClock)
        {
            Clock.Dispose();
        }

        foreach (var conference in Volatile.Read(ref _conferences))
        {
            conference.Dispose();
        }

        var pending = Volatile.Read(ref _recordings).Select(r => r.StopAsync()).ToArray();
        foreach (var leg in _legs.ToArray())
        {
            leg.Dispose();
        }

        // Recordings finish on the recorder's own writer thread, so waiting here cannot deadlock the caller's context.
        Task.WaitAll(pending, TimeSpan.FromSeconds(10));
        _recorder?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        _ports.Dispose();
    }

    internal RecordingSession StartRecordingSession(RecordingOptions options)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var path = options.Path;
        if (_recordingRoot is not null)
        {
            path = Path.GetFullPath(Path.Combine(_recordingRoot, path));
            if (!path.StartsWith(_recordingRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Recording path '{options.Path}' leaves the recording directory.", nameof(options));
            }
        }

        Recorder recorder;
        lock (_recorderGate)
        {
            recorder = _recorder ??= new Recorder(new RecorderOptions { TimeProvider = _time });
        }

        return recorder.Start(options with { Path = path });
    }

    /// <summary>
    /// A new recording: filled on arrival when it can be (<see cref="MediaEngineOptions.RecordOnArrival"/>) and then
    /// registered; false when the clock must feed it (the caller registers it).
    /// </summary>
    internal bool StartRecording(LegRecording recording)
    {
        if (!_options.RecordOnArrival)
        {
            return false;
        }

        lock (_tickGate)
        {
            if (!recording.TryFillOnArrival(_sequence))
            {
                return false;
            }

            // Registered under the tick lock: a feed's request to leave is handled at a later tick's start.
            AddRecording(recording, onClock: !recording.FilledOnArrival);
            return true;
        }
    }

    /// <summary>Registers a recording; <paramref name="onClock"/>: the clock feeds it from the next tick.</summary>
    internal void AddRecording(LegRecording recording, bool onClock)
    {
        lock (_legsGate)
        {
            _recordings = [.. _recordings, recording];
            if (onClock)
            {
                _clockRecordings = [.. _clockRecordings, recording];
            }
        }
    }

    /// <summary>A recording filled on arrival until now: the clock feeds it from the next tick.</summary>
    internal void MoveRecordingToClock(LegRecording recording)
    {
        lock (_legsGate)
        {
            if (Array.IndexOf(_recordings, recording) >= 0 && Array.IndexOf(_clockRecordings, recording) < 0)
            {
                _clockRecordings = [.. _clockRecordings, recording];
            }
        }
    }

    internal void RemoveRecording(LegRecording recording)
    {
        lock (_legsGate)
        {
            _recordings = [.. _recordings.Where(r => !ReferenceEquals(r, recording))];
            _clockRecordings = [.. _clockRecordings.Where(r => !ReferenceEquals(r, recording))];
        }
    }

    internal void RemoveConference(MediaConference conference)
    {
        lock (_legsGate)
        {
            _conferences = [.. _conferences.Where(c => !ReferenceEquals(c, conference))];
        }
    }

    internal void Remove(MediaLeg leg) => _legs.Remove(leg.EngineSlot, leg);
}
