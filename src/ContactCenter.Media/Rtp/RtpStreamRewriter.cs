using System.Buffers.Binary;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// Keeps one outgoing RTP stream continuous while the source feeding it changes (re-bridge, hold to music, transfer):
/// the outgoing SSRC stays ours, sequence numbers continue at the next value, timestamps continue by the wall-clock
/// time elapsed since the last packet sent, and the first packet after a switch carries the marker bit so the far end's
/// jitter buffer resynchronizes. Within one source the offsets are fixed, so reordering and gaps pass through intact.
/// </summary>
/// <remarks>
/// A switch happens when a packet carries a different SSRC from the current source or after <see cref="SwitchSource"/>.
/// Packets from the source just left, arriving within <see cref="StaleSourceWindow"/> of the switch, are dropped so a
/// late straggler cannot flip the stream back. Not thread-safe: one sender path owns it. Allocates nothing.
/// </remarks>
public sealed class RtpStreamRewriter
{
    /// <summary>How long after a switch packets from the previous source are treated as stragglers.</summary>
    public static readonly TimeSpan StaleSourceWindow = TimeSpan.FromMilliseconds(200);

    private readonly int _clockRate;
    private readonly TimeProvider _timeProvider;
    private readonly long _staleWindowTicks;

    private bool _hasSource;
    private bool _switchRequested;
    private uint _sourceSsrc;
    private ushort _sequenceOffset;
    private uint _timestampOffset;

    private bool _hasPreviousSource;
    private uint _previousSourceSsrc;
    private long _switchedAt;

    private bool _hasOutput;
    private ushort _highestSequence;
    private uint _highestTimestamp;
    private long _highestTimestampSentAt;

    /// <summary>Creates a rewriter for an outgoing stream.</summary>
    /// <param name="ssrc">Our SSRC for this stream; every packet leaves with it.</param>
    /// <param name="clockRate">The RTP clock rate of the outgoing stream.</param>
    /// <param name="initialSequence">The first sequence number to send (random per RFC 3550 §5.1).</param>
    /// <param name="initialTimestamp">The first timestamp to send (random per RFC 3550 §5.1).</param>
    /// <param name="timeProvider">The clock for the time elapsed across a switch.</param>
    public RtpStreamRewriter(uint ssrc, int clockRate, ushort initialSequence, uint initialTimestamp, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        Ssrc = ssrc;
        _clockRate = clockRate;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _staleWindowTicks = (long)(StaleSourceWindow.TotalSeconds * _timeProvider.TimestampFrequency);
        _highestSequence = (ushort)(initialSequence - 1);
        _highestTimestamp = initialTimestamp;
    }

    /// <summary>Our outgoing SSRC.</summary>
    public uint Ssrc { get; }

    /// <summary>The highest sequence number sent so far.</summary>
    public ushort HighestSequence => _highestSequence;

    /// <summary>The highest timestamp sent so far.</summary>
    public uint HighestTimestamp => _highestTimestamp;

    /// <summary>Packets dropped as stragglers of a previous source.</summary>
    public long DroppedStalePackets { get; private set; }

    /// <summary>
    /// Declares that the next packet starts a new source even if it carries the same SSRC (a re-bridge to the same
    /// peer, a player restarted). The packet that follows is accepted whatever its SSRC, even the previous source's.
    /// </summary>
    public void SwitchSource() => _switchRequested = true;

    /// <summary>Rewrites the header of <paramref name="packet"/> in place, reading the clock for a switch.</summary>
    public RtpRewriteStatus Rewrite(Span<byte> packet) => Rewrite(packet, _timeProvider.GetTimestamp());

    /// <summary>
    /// Rewrites SSRC, sequence number, timestamp and marker of <paramref name="packet"/> in place.
    /// <paramref name="nowTimestamp"/> is a <see cref="TimeProvider.GetTimestamp"/> value the caller already read.
    /// Malformed packets and stragglers are reported and left untouched.
    /// </summary>
    public RtpRewriteStatus Rewrite(Span<byte> packet, long nowTimestamp)
    {
        if (packet.Length < RtpPacket.FixedHeaderLength || packet[0] >> 6 != RtpPacket.SupportedVersion)
        {
            return RtpRewriteStatus.DroppedMalformed;
        }

        var header = new RtpHeader(
            (byte)(packet[1] & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            (packet[1] & 0x80) != 0);
        var status = Rewrite(ref header, nowTimestamp);
        if (status is RtpRewriteStatus.Rewritten or RtpRewriteStatus.SourceSwitched)
        {
            RtpHeaderFields.SetSequenceNumber(packet, header.SequenceNumber);
            RtpHeaderFields.SetTimestamp(packet, header.Timestamp);
            RtpHeaderFields.SetSsrc(packet, header.Ssrc);
            RtpHeaderFields.SetMarker(packet, header.Marker);
        }

        return status;
    }

    /// <summary>
    /// Rewrites header values for a packet being built (a player's or mixer's frame, a transcoded packet): same rules as
    /// the in-place form. <paramref name="header"/> is replaced by the outgoing header when the status is not a drop.
    /// </summary>
    public RtpRewriteStatus Rewrite(ref RtpHeader header, long nowTimestamp)
    {
        var status = RtpRewriteStatus.Rewritten;
        if (!_hasSource || _switchRequested || header.Ssrc != _sourceSsrc)
        {
            if (IsStraggler(header.Ssrc, nowTimestamp))
            {
                DroppedStalePackets++;
                return RtpRewriteStatus.DroppedStaleSource;
            }

            StartSource(header, nowTimestamp);
            status = RtpRewriteStatus.SourceSwitched;
        }

        var sequence = (ushort)(header.SequenceNumber + _sequenceOffset);
        var timestamp = header.Timestamp + _timestampOffset;
        if (!_hasOutput || RtpSequence.IsNewer(sequence, _highestSequence))
        {
            _highestSequence = sequence;
        }

        if (!_hasOutput || RtpSequence.IsNewerTimestamp(timestamp, _highestTimestamp))
        {
            _highestTimestamp = timestamp;
            _highestTimestampSentAt = nowTimestamp;
        }

        _hasOutput = true;
        var marker = header.Marker || status == RtpRewriteStatus.SourceSwitched;
        header = new RtpHeader(header.PayloadType, sequence, timestamp, Ssrc, marker);
        return status;
    }

    private bool IsStraggler(uint ssrc, long nowTimestamp) =>
        !_switchRequested && _hasPreviousSource && ssrc == _previousSourceSsrc
        && nowTimestamp - _switchedAt < _staleWindowTicks;

    private void StartSource(in RtpHeader header, long nowTimestamp)
    {
        var nextSequence = (ushort)(_highestSequence + 1);
        var nextTimestamp = _highestTimestamp;
        if (_hasOutput)
        {
            // Advance by the real time since the newest sample we sent, at least one unit so timestamps never repeat.
            var elapsed = RtpClock.ToUnits(nowTimestamp - _highestTimestampSentAt, _timeProvider.TimestampFrequency, _clockRate);
            nextTimestamp += (uint)Math.Clamp(elapsed, 1, int.MaxValue);
        }

        if (_hasSource && header.Ssrc != _sourceSsrc)
        {
            _hasPreviousSource = true;
            _previousSourceSsrc = _sourceSsrc;
        }

        _switchedAt = nowTimestamp;
        _switchRequested = false;
        _hasSource = true;
        _sourceSsrc = header.Ssrc;
        _sequenceOffset = (ushort)(nextSequence - header.SequenceNumber);
        _timestampOffset = nextTimestamp - header.Timestamp;
    }
}
