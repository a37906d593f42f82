namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Produces the RFC 4733 packet sequence for queued digits, paced by a <see cref="TimeProvider"/>: a first packet with the
/// marker bit and the stream's current timestamp, updates every <see cref="UpdateInterval"/> with the growing duration,
/// then the end packet three times (§2.5.1.4) with the same timestamp and final duration; digits are separated by
/// <see cref="InterDigitGap"/>. The media clock calls <see cref="TryGetNextPacket"/> on each tick until it returns false.
/// </summary>
/// <remarks>Single-threaded (the call's send path). Allocates only its queue, at construction.</remarks>
public sealed class TelephoneEventSender
{
    /// <summary>RFC 4733 §2.5.1.2 recommends updates every 50 ms.</summary>
    public static readonly TimeSpan DefaultUpdateInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Pause between consecutive digits (ITU-T Q.24 receivers need at least about 40 ms).</summary>
    public static readonly TimeSpan DefaultInterDigitGap = TimeSpan.FromMilliseconds(60);

    /// <summary>Shortest digit accepted (ITU-T Q.24: about 40 ms is the minimum a receiver must recognize).</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(40);

    private const int EndPacketCount = 3;

    private readonly TimeProvider _timeProvider;
    private readonly int _clockRate;
    private readonly byte _volume;
    private readonly (byte Code, ushort Units)[] _queue;
    private int _queueHead;
    private int _queueCount;

    private State _state;
    private byte _code;
    private ushort _durationUnits;
    private uint _eventTimestamp;
    private long _startedAt;
    private long _endAt;
    private long _nextUpdateAt;
    private long _nextStartAllowedAt;
    private int _endPacketsLeft;

    /// <summary>Creates a sender.</summary>
    /// <param name="timeProvider">Paces updates and gaps.</param>
    /// <param name="clockRate">The telephone-event RTP clock rate (8000 unless negotiated otherwise).</param>
    /// <param name="updateInterval">Spacing of update packets (default 50 ms).</param>
    /// <param name="interDigitGap">Silence between digits (default 60 ms).</param>
    /// <param name="volume">Tone power in −dBm0 (0..63, default 10).</param>
    /// <param name="queueCapacity">Digits that can wait to be sent.</param>
    public TelephoneEventSender(
        TimeProvider timeProvider,
        int clockRate = 8000,
        TimeSpan? updateInterval = null,
        TimeSpan? interDigitGap = null,
        byte volume = 10,
        int queueCapacity = 32)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, (byte)63);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCapacity);
        _timeProvider = timeProvider;
        _clockRate = clockRate;
        _volume = volume;
        UpdateInterval = updateInterval ?? DefaultUpdateInterval;
        InterDigitGap = interDigitGap ?? DefaultInterDigitGap;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(UpdateInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(InterDigitGap, TimeSpan.Zero);
        _queue = new (byte, ushort)[queueCapacity];
    }

    private enum State
    {
        Idle,
        Sending,
        Ending,
    }

    /// <summary>Spacing of update packets.</summary>
    public TimeSpan UpdateInterval { get; }

    /// <summary>Silence between digits.</summary>
    public TimeSpan InterDigitGap { get; }

    /// <summary>True when nothing is being sent or waiting.</summary>
    public bool IsIdle => _state == State.Idle && _queueCount == 0;

    /// <summary>True while a digit's packets are being produced (the stream should not send audio meanwhile).</summary>
    public bool IsSendingDigit => _state != State.Idle;

    /// <summary>Digits waiting behind the current one.</summary>
    public int QueuedDigits => _queueCount;

    /// <summary>
    /// Queues a digit ('0'-'9', '*', '#', 'A'-'D', <see cref="DtmfDigits.Flash"/>) lasting <paramref name="duration"/>.
    /// False when the digit is unknown, the duration is below <see cref="MinimumDuration"/> or above what one event
    /// segment can carry (0xFFFF clock units, 8.19 s at 8 kHz), or the queue is full.
    /// </summary>
    public bool TryEnqueue(char digit, TimeSpan duration)
    {
        var units = duration.Ticks * _clockRate / TimeSpan.TicksPerSecond;
        if (!DtmfDigits.TryGetEventCode(digit, out var code) || duration < MinimumDuration || units > ushort.MaxValue
            || _queueCount == _queue.Length)
        {
            return false;
        }

        _queue[(_queueHead + _queueCount) % _queue.Length] = (code, (ushort)units);
        _queueCount++;
        return true;
    }

    /// <summary>Drops the queued digits (the one in progress still finishes with its end packets).</summary>
    public void ClearQueue()
    {
        _queueHead = 0;
        _queueCount = 0;
    }

    /// <summary>
    /// Returns the next packet due now, if any. <paramref name="streamTimestamp"/> is the outgoing stream's current RTP
    /// timestamp; it becomes the event's timestamp when a digit starts and is ignored otherwise.
    /// </summary>
    public bool TryGetNextPacket(uint streamTimestamp, out TelephoneEventPacket packet)
    {
        var now = _timeProvider.GetTimestamp();
        switch (_state)
        {
            case State.Idle when _queueCount > 0 && now >= _nextStartAllowedAt:
                Start(streamTimestamp, now);
                packet = Packet(marker: true, end: false, duration: 0);
                return true;

            case State.Sending when now >= _endAt:
                _state = State.Ending;
                _endPacketsLeft = EndPacketCount - 1;
                packet = Packet(marker: false, end: true, _durationUnits);
                return true;

            case State.Sending when now >= _nextUpdateAt:
                while (_nextUpdateAt <= now)
                {
                    _nextUpdateAt += ToTicks(UpdateInterval);
                }

                var elapsed = (now - _startedAt) * _clockRate / _timeProvider.TimestampFrequency;
                packet = Packet(marker: false, end: false, (ushort)Math.Min(elapsed, _durationUnits));
                return true;

            case State.Ending:
                if (--_endPacketsLeft == 0)
                {
                    _state = State.Idle;
                    _nextStartAllowedAt = now + ToTicks(InterDigitGap);
                }

                packet = Packet(marker: false, end: true, _durationUnits);
                return true;

            default:
                packet = default;
                return false;
        }
    }

    private void Start(uint streamTimestamp, long now)
    {
        (_code, _durationUnits) = _queue[_queueHead];
        _queueHead = (_queueHead + 1) % _queue.Length;
        _queueCount--;
        _state = State.Sending;
        _eventTimestamp = streamTimestamp;
        _startedAt = now;
        _endAt = now + (_durationUnits * _timeProvider.TimestampFrequency / _clockRate);
        _nextUpdateAt = now + ToTicks(UpdateInterval);
    }

    private TelephoneEventPacket Packet(bool marker, bool end, ushort duration) =>
        new(marker, _eventTimestamp, new TelephoneEventPayload(_code, end, _volume, duration));

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _timeProvider.TimestampFrequency);
}
