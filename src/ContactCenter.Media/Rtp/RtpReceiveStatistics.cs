namespace ContactCenter.Media.Rtp;

/// <summary>
/// Receive statistics for the RTP stream coming from one remote sender, per RFC 3550 Appendix A: source validation
/// with probation, sequence numbers extended across wrap-around, packets expected and lost (cumulative and per report
/// interval) and the interarrival jitter estimate. <see cref="Update(uint, ushort, uint, int, long, bool)"/> allocates
/// nothing and never throws.
/// </summary>
/// <remarks>
/// Not thread-safe: update it from the receive loop and read or report from the same serialized context (the call's
/// unit), as the media brief requires. A packet carrying a different SSRC starts a new source (probation again); the
/// lifetime totals (<see cref="PacketsReceived"/>, <see cref="BytesReceived"/>, <see cref="TotalPacketsLost"/>)
/// carry over so a leg's quality report covers every source it heard.
/// </remarks>
public sealed partial class RtpReceiveStatistics
{
    /// <summary>RFC 3550 A.1: largest forward gap still treated as in-order loss.</summary>
    public const int MaxDropout = 3000;

    /// <summary>RFC 3550 A.1: how far back a packet may be and still count as reordered rather than a jump.</summary>
    public const int MaxMisorder = 100;

    /// <summary>RFC 3550 A.1: sequential packets needed before a new source is valid.</summary>
    public const int MinSequential = 2;

    private const int SequenceModulus = 1 << 16;

    private readonly int _clockRate;
    private readonly long _timestampFrequency;

    private bool _hasSource;
    private uint _ssrc;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private int _badSequence;
    private int _probation;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;

    private bool _hasTransit;
    private long _arrivalEpoch;
    private int _transit;
    private long _jitterScaled;

    private long _packetsReceived;
    private long _bytesReceived;
    private long _lostInEarlierSources;
    private long _expectedInEarlierSources;
    private int _sourceChanges;

    /// <summary>Creates statistics for a stream whose RTP clock runs at <paramref name="clockRate"/> Hz.</summary>
    /// <param name="clockRate">The payload's RTP clock rate (8000 for G.711, G.722 and telephone-event).</param>
    /// <param name="timeProvider">Only its <see cref="TimeProvider.TimestampFrequency"/> is used, to interpret the
    /// arrival timestamps passed to <see cref="Update(uint, ushort, uint, int, long, bool)"/>.</param>
    public RtpReceiveStatistics(int clockRate, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
        _timestampFrequency = (timeProvider ?? TimeProvider.System).TimestampFrequency;
    }

    /// <summary>The RTP clock rate the jitter is measured in.</summary>
    public int ClockRate => _clockRate;

    /// <summary>True once any packet has been seen.</summary>
    public bool HasSource => _hasSource;

    /// <summary>The SSRC of the current source (0 before the first packet).</summary>
    public uint Ssrc => _ssrc;

    /// <summary>True once the current source passed probation.</summary>
    public bool IsValid => _hasSource && _probation == 0;

    /// <summary>Sequence wrap-arounds of the current source (RFC 3550 "cycles", counted in wraps, not shifted).</summary>
    public uint Cycles => _cycles >> 16;

    /// <summary>The first counted sequence number of the current source.</summary>
    public uint BaseSequence => _baseSequence;

    /// <summary>Highest sequence number received, extended with <see cref="Cycles"/> in the high 16 bits.</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    /// <summary>Packets counted for the current source (duplicates included, as in RFC 3550 A.3).</summary>
    public long Received => _received;

    /// <summary>Packets the current source sent from its base to its highest sequence number.</summary>
    public long ExpectedPackets => IsValid ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Expected minus received for the current source; negative when duplicates arrived.</summary>
    public long CumulativeLost => ExpectedPackets - _received;

    /// <summary>Interarrival jitter estimate in RTP clock units (RFC 3550 A.8).</summary>
    public uint Jitter => (uint)Math.Min(uint.MaxValue, _jitterScaled >> 4);

    /// <summary>Interarrival jitter in milliseconds.</summary>
    public double JitterMilliseconds => (_jitterScaled / 16.0) * 1000.0 / _clockRate;

    /// <summary>Every RTP packet handed to <see cref="Update(uint, ushort, uint, int, long, bool)"/>, whatever its status.</summary>
    public long PacketsReceived => _packetsReceived;

    /// <summary>Payload octets of every packet handed to <see cref="Update(uint, ushort, uint, int, long, bool)"/>.</summary>
    public long BytesReceived => _bytesReceived;

    /// <summary>Packets lost over the life of this direction, across source changes (never negative).</summary>
    public long TotalPacketsLost => _lostInEarlierSources + Math.Max(0, CumulativeLost);

    /// <summary>Packets expected over the life of this direction, across source changes.</summary>
    public long TotalPacketsExpected => _expectedInEarlierSources + ExpectedPackets;

    /// <summary>Times a packet with a new SSRC replaced the current source.</summary>
    public int SourceChanges => _sourceChanges;

    /// <summary>Updates the statistics with a parsed packet; see <see cref="Update(uint, ushort, uint, int, long, bool)"/>.</summary>
    public RtpSequenceStatus Update(in RtpPacket packet, long arrivalTimestamp, bool updateJitter = true) =>
        Update(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, packet.Payload.Length, arrivalTimestamp, updateJitter);

    /// <summary>
    /// Accounts for one received packet. <paramref name="arrivalTimestamp"/> is a <see cref="TimeProvider.GetTimestamp"/>
    /// value taken when the datagram arrived. Pass <paramref name="updateJitter"/> false for packets whose timestamp does
    /// not follow the sampling clock (RFC 4733 events reuse one timestamp for the whole event).
    /// </summary>
    public RtpSequenceStatus Update(uint ssrc, ushort sequenceNumber, uint timestamp, int payloadLength, long arrivalTimestamp, bool updateJitter = true)
    {
        _packetsReceived++;
        _bytesReceived += payloadLength;

        if (!_hasSource || ssrc != _ssrc)
        {
            StartSource(ssrc, sequenceNumber, arrivalTimestamp);
        }

        var status = UpdateSequence(sequenceNumber);
        if (status == RtpSequenceStatus.Restarted)
        {
            _hasTransit = false;
        }

        if (updateJitter && status is RtpSequenceStatus.Accepted or RtpSequenceStatus.Late or RtpSequenceStatus.Restarted)
        {
            UpdateJitter(timestamp, arrivalTimestamp);
        }

        return status;
    }

    private void StartSource(uint ssrc, ushort sequenceNumber, long arrivalTimestamp)
    {
        if (_hasSource)
        {
            _sourceChanges++;
            _lostInEarlierSources += Math.Max(0, CumulativeLost);
            _expectedInEarlierSources += ExpectedPackets;
        }
        else
        {
            _arrivalEpoch = arrivalTimestamp;
        }

        _hasSource = true;
        _ssrc = ssrc;
        InitSequence(sequenceNumber);
        _maxSequence = (ushort)(sequenceNumber - 1);
        _probation = MinSequential;
        _hasTransit = false;
        _jitterScaled = 0;
        _lastSenderReport = 0;
        _hasSenderReport = false;
    }

    private void InitSequence(ushort sequenceNumber)
    {
        _baseSequence = sequenceNumber;
        _maxSequence = sequenceNumber;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
    }

    // RFC 3550 A.1 update_seq, with the probation comparison done in 16-bit arithmetic so it survives 65535 -> 0.
    private RtpSequenceStatus UpdateSequence(ushort sequenceNumber)
    {
        var forward = (ushort)(sequenceNumber - _maxSequence);
        if (_probation > 0)
        {
            if (forward == 1)
            {
                _probation--;
                _maxSequence = sequenceNumber;
                if (_probation == 0)
                {
                    InitSequence(sequenceNumber);
                    _received++;
                    return RtpSequenceStatus.Accepted;
                }
            }
            else
            {
                _probation = MinSequential - 1;
                _maxSequence = sequenceNumber;
            }

            return RtpSequenceStatus.Probation;
        }

        var status = RtpSequenceStatus.Accepted;
        if (forward < MaxDropout)
        {
            if (sequenceNumber < _maxSequence)
            {
                _cycles += SequenceModulus;
            }

            _maxSequence = sequenceNumber;
        }
        else if (forward <= SequenceModulus - MaxMisorder)
        {
            if (sequenceNumber != _badSequence)
            {
                _badSequence = (sequenceNumber + 1) & (SequenceModulus - 1);
                return RtpSequenceStatus.BadJump;
            }

            _lostInEarlierSources += Math.Max(0, CumulativeLost);
            _expectedInEarlierSources += ExpectedPackets;
            InitSequence(sequenceNumber);
            status = RtpSequenceStatus.Restarted;
        }
        else
        {
            status = RtpSequenceStatus.Late;
        }

        _received++;
        return status;
    }

    // RFC 3550 A.8 in the integer form (jitter kept scaled by 16); transit differences wrap like the timestamps do.
    private void UpdateJitter(uint timestamp, long arrivalTimestamp)
    {
        var arrival = (uint)RtpClock.ToUnits(arrivalTimestamp - _arrivalEpoch, _timestampFrequency, _clockRate);
        var transit = (int)(arrival - timestamp);
        if (!_hasTransit)
        {
            _hasTransit = true;
            _transit = transit;
            return;
        }

        var d = transit - _transit;
        _transit = transit;
        var magnitude = Math.Abs((long)d);
        _jitterScaled += magnitude - ((_jitterScaled + 8) >> 4);
    }
}
