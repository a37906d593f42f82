using ContactCenter.Media.Audio;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Timing;

namespace ContactCenter.Media.Recording;

/// <summary>
/// One recording being written. The media clock feeds it: each tick, every party's frame goes in with
/// <see cref="WriteFrame"/> (or through <see cref="GetChannel"/>'s sink), then <see cref="OnTick"/> commits the tick as
/// one 20 ms block of the file. A party that wrote nothing, or wrote a silent frame, is recorded as silence, so the
/// channels stay aligned with each other and with the call's time.
/// </summary>
/// <remarks>
/// <para>Threads: <see cref="WriteFrame"/> and <see cref="OnTick"/> belong to the media clock thread (one producer);
/// <see cref="Pause"/>, <see cref="Resume"/> and <see cref="StopAsync"/> may be called from any thread. A frame written
/// after its party's OnTick lands in the next tick; the order within a tick must be the same every tick.</para>
/// <para>Pause (PCI DSS, e.g. while a card number is read out): nothing at all is written while paused — not even
/// silence — so the sensitive audio never reaches the disk. The file closes over the gap; each gap is reported in
/// <see cref="RecordingMetadata.Pauses"/> with its offset in the file and the length of call audio left out.</para>
/// </remarks>
public sealed partial class RecordingSession : IMediaTickable
{
    private readonly Recorder _recorder;
    private readonly RecordingFormat _format;
    private readonly int _parties;
    private readonly int _samplesPerFrame;
    private readonly DateTimeOffset _startedAt;
    private readonly RecordingChannel[] _channels;

    internal RecordingSession(Recorder recorder, RecordingOptions options, string path, Stream stream)
    {
        _recorder = recorder;
        _format = options.Format;
        _parties = options.Parties;
        _samplesPerFrame = _format.SamplesPerFrame;
        Path = path;
        _startedAt = recorder.TimeProvider.GetUtcNow();

        _stereo = _format.Layout == RecordingLayout.Stereo;
        _staged = new short[_parties][];
        _present = new bool[_parties];
        _resamplers = new IAudioResampler?[_parties];
        if (!_stereo)
        {
            for (int party = 0; party < _parties; party++)
            {
                _staged[party] = new short[_samplesPerFrame];
            }
        }

        _block = _stereo ? [] : new short[_samplesPerFrame];
        _mixSum = _stereo ? [] : new int[_samplesPerFrame];
        _silence = _format.Encoding switch
        {
            RecordingEncoding.MuLaw => MuLaw.Encode(0),
            RecordingEncoding.ALaw => ALaw.Encode(0),
            _ => 0,
        };
        _slotBytes = _format.BytesPerFrame;
        _capacity = options.QueueFrames;
        _wakeDepth = options.WriterBatchFrames;
        _ring = new byte[_slotBytes * _capacity];

        _channels = new RecordingChannel[_parties];
        for (int party = 0; party < _parties; party++)
        {
            _channels[party] = new RecordingChannel(this, party);
        }

        _stream = stream;
        _headerLength = WavHeader.GetLength(_format);
        _refreshFrames = Math.Max(1, (int)(options.HeaderRefreshInterval.Ticks / TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds).Ticks));
        WriteInitialHeader();
    }

    /// <summary>Who feeds this session and sees its pause, resume and stop first (null: the caller feeds it).</summary>
    internal IRecordingOwner? Owner { get; set; }

    /// <summary>The file being written (full path).</summary>
    public string Path { get; }

    public RecordingFormat Format => _format;

    /// <summary>Parties fed to this recording: 2 for stereo (0 = left, 1 = right), the mixed count for mono.</summary>
    public int Parties => _parties;

    /// <summary>The rate frames are stored at; <see cref="WriteFrame"/> also takes the other rate (8 ↔ 16 kHz) and resamples.</summary>
    public AudioFormat StorageFormat => new(_format.SampleRate);

    /// <summary>Ticks accepted into the file's timeline so far (excludes paused and dropped ticks).</summary>
    public long FramesCommitted => ArrivalsActive ? _arrivals!.FramesAccepted : Volatile.Read(ref _committedFrames);

    /// <summary>Ticks lost so far because the writer fell behind or the file failed.</summary>
    public long DroppedFrames => Volatile.Read(ref _droppedFrames) + Volatile.Read(ref _discardedFrames);

    /// <summary>Ticks committed but not yet handed to the file by the writer thread (how far the disk is behind).</summary>
    public long QueuedFrames => Volatile.Read(ref _head) - Volatile.Read(ref _tail);

    public bool IsPaused => _paused;

    /// <summary>True once <see cref="StopAsync"/> was called; further frames are ignored.</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>The sink for one party (0-based); what it is given goes to <see cref="WriteFrame"/> for that party.</summary>
    public IAudioSink GetChannel(int party)
    {
        // Whoever asks for a channel writes into it on the clock: a recording filled on arrival leaves that mode first.
        _arrivals?.RequestLeave();
        return _channels[party];
    }

    /// <summary>
    /// Stops recording: frames still queued are written, the header gets its final sizes, the file is closed. The task
    /// completes on the writer thread; it does not fail — an I/O error is reported in <see cref="RecordingMetadata.Failure"/>.
    /// Idempotent.
    /// </summary>
    public Task<RecordingMetadata> StopAsync()
    {
        if (Owner is { } owner && owner.StopFromSession())
        {
            return _completion.Task; // the owner ends its feed at a tick boundary, then calls this again
        }

        lock (_pauseLock)
        {
            if (!_stopRequested)
            {
                if (_paused)
                {
                    ClosePause();
                }

                _stopRequested = true;
            }
        }

        _recorder.SignalUrgent();
        return _completion.Task;
    }
}
