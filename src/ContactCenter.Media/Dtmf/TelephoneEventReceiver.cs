namespace ContactCenter.Media.Dtmf;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into DTMF digits, each reported exactly once. The RTP timestamp
/// identifies an event: its first packet (marker or not) starts the digit, the E bit ends it, the repeated end packets
/// and late updates are ignored, and a lost end is made up for by a new event or by <see cref="Poll"/> after
/// <see cref="EndTimeout"/> without updates. Long events split into segments (§2.5.1.3) continue the same digit.
/// </summary>
/// <remarks>Single-threaded (the call's receive path); allocates nothing per packet.</remarks>
public sealed class TelephoneEventReceiver
{
    /// <summary>Default silence after which a digit whose end packets were lost is ended.</summary>
    public static readonly TimeSpan DefaultEndTimeout = TimeSpan.FromMilliseconds(300);

    // A packet this far behind the last event is taken as a new timestamp base (sender restart), not a straggler.
    private const int StaleWindowSeconds = 10;

    private readonly TimeProvider _timeProvider;
    private readonly int _clockRate;
    private readonly long _endTimeoutTicks;
    private readonly DtmfEventQueue _events = new(16);

    private bool _active;
    private byte _activeCode;
    private uint _activeTimestamp;
    private uint _activeStartTimestamp;
    private long _earlierSegments;
    private ushort _activeDuration;
    private long _lastPacketAt;

    private bool _hasEnded;
    private byte _endedCode;
    private uint _endedTimestamp;

    /// <summary>Creates a receiver for a telephone-event stream with the given RTP clock rate (8000 for telephone-event/8000).</summary>
    public TelephoneEventReceiver(TimeProvider timeProvider, int clockRate = 8000, TimeSpan? endTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _timeProvider = timeProvider;
        _clockRate = clockRate;
        EndTimeout = endTimeout ?? DefaultEndTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EndTimeout, TimeSpan.Zero);
        _endTimeoutTicks = (long)(EndTimeout.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>Silence after which a digit without end packets is ended.</summary>
    public TimeSpan EndTimeout { get; }

    /// <summary>True while a digit is in progress.</summary>
    public bool IsDigitActive => _active;

    /// <summary>Packets ignored as malformed.</summary>
    public long MalformedPackets { get; private set; }

    /// <summary>Events lost because the consumer let more than the queue's capacity pile up (the oldest go first).</summary>
    public long DroppedEvents => _events.Dropped;

    /// <summary>Events queued and not yet read.</summary>
    public int PendingEvents => _events.Count;

    /// <summary>Reads the next digit event in order; false when none is pending.</summary>
    public bool TryReadEvent(out DtmfEvent dtmfEvent) => _events.TryDequeue(out dtmfEvent);

    /// <summary>Forgets all state (the sender's SSRC changed, so its timestamps start over).</summary>
    public void Reset()
    {
        _active = false;
        _hasEnded = false;
        _events.Clear();
    }

    /// <summary>
    /// True while a digit is in progress. Read without the receive lock on the media tick: a digit that just started is
    /// seen by the next tick, and only <see cref="Poll"/> (its end by timeout) waits for that.
    /// </summary>
    public bool HasDigitInProgress => _active;

    /// <summary>Ends the digit in progress if no packet refreshed it for <see cref="EndTimeout"/>; call on the media tick.</summary>
    public bool Poll()
    {
        if (!_active || _timeProvider.GetTimestamp() - _lastPacketAt < _endTimeoutTicks)
        {
            return false;
        }

        EndActive(DtmfEndReason.Timeout);
        return true;
    }

    /// <summary>Processes one telephone-event packet: its RTP timestamp, marker bit and payload.</summary>
    public TelephoneEventStatus Receive(uint rtpTimestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        if (!TelephoneEventPayload.TryParse(payload, out var tone))
        {
            MalformedPackets++;
            return TelephoneEventStatus.Malformed;
        }

        if (tone.EventCode > DtmfDigits.MaxEventCode)
        {
            return TelephoneEventStatus.NotDtmf;
        }

        var now = _timeProvider.GetTimestamp();
        if (_active)
        {
            if (rtpTimestamp == _activeTimestamp)
            {
                return UpdateActive(tone, now);
            }

            if (IsOlder(rtpTimestamp, _activeTimestamp))
            {
                return TelephoneEventStatus.Stale;
            }

            if (IsContinuationSegment(rtpTimestamp, marker, tone))
            {
                _earlierSegments += ushort.MaxValue;
                _activeTimestamp = rtpTimestamp;
                _activeDuration = 0;
                return UpdateActive(tone, now);
            }

            EndActive(DtmfEndReason.NewEvent);
        }
        else if (_hasEnded)
        {
            if (rtpTimestamp == _endedTimestamp)
            {
                return tone.EventCode == _endedCode ? TelephoneEventStatus.Duplicate : MalformedAndCount();
            }

            if (IsOlder(rtpTimestamp, _endedTimestamp))
            {
                return TelephoneEventStatus.Stale;
            }
        }

        return StartNew(rtpTimestamp, tone, now);
    }

    private TelephoneEventStatus StartNew(uint rtpTimestamp, in TelephoneEventPayload tone, long now)
    {
        _active = true;
        _activeCode = tone.EventCode;
        _activeTimestamp = rtpTimestamp;
        _activeStartTimestamp = rtpTimestamp;
        _earlierSegments = 0;
        _activeDuration = tone.Duration;
        _lastPacketAt = now;
        DtmfDigits.TryGetDigit(tone.EventCode, out var digit);
        _events.Enqueue(new DtmfEvent(DtmfEventKind.Started, digit, CurrentDuration, rtpTimestamp, DtmfEndReason.None));
        if (!tone.IsEnd)
        {
            return TelephoneEventStatus.Started;
        }

        EndActive(DtmfEndReason.EndBit);
        return TelephoneEventStatus.StartedAndEnded;
    }

    private TelephoneEventStatus UpdateActive(in TelephoneEventPayload tone, long now)
    {
        if (tone.EventCode != _activeCode)
        {
            return MalformedAndCount();
        }

        _lastPacketAt = now;
        if (tone.Duration > _activeDuration)
        {
            _activeDuration = tone.Duration;
        }

        if (!tone.IsEnd)
        {
            return TelephoneEventStatus.Updated;
        }

        EndActive(DtmfEndReason.EndBit);
        return TelephoneEventStatus.Ended;
    }

    private void EndActive(DtmfEndReason reason)
    {
        DtmfDigits.TryGetDigit(_activeCode, out var digit);
        _events.Enqueue(new DtmfEvent(DtmfEventKind.Ended, digit, CurrentDuration, _activeStartTimestamp, reason));
        _active = false;
        _hasEnded = true;
        _endedCode = _activeCode;
        _endedTimestamp = _activeTimestamp;
    }

    // RFC 4733 §2.5.1.3: an event longer than 0xFFFF units continues under a new timestamp advanced by the
    // segment's full duration, with the marker bit clear. The previous segment's last packets may have been lost, so its
    // reported duration is not required to have reached the maximum.
    private bool IsContinuationSegment(uint rtpTimestamp, bool marker, in TelephoneEventPayload tone) =>
        !marker && tone.EventCode == _activeCode && rtpTimestamp == _activeTimestamp + ushort.MaxValue;

    private bool IsOlder(uint candidate, uint reference)
    {
        var behind = (long)(int)(reference - candidate);
        return behind > 0 && behind < (long)StaleWindowSeconds * _clockRate;
    }

    private TelephoneEventStatus MalformedAndCount()
    {
        MalformedPackets++;
        return TelephoneEventStatus.Malformed;
    }

    private TimeSpan CurrentDuration => TimeSpan.FromTicks((_earlierSegments + _activeDuration) * TimeSpan.TicksPerSecond / _clockRate);
}
