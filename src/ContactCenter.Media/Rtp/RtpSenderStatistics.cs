using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Rtp;

/// <summary>
/// What we sent on one outgoing stream: the counters of an SR's sender info, and the last timestamp sent so the SR can
/// state the RTP time that corresponds to its NTP time. <see cref="RecordSent"/> allocates nothing.
/// </summary>
public sealed class RtpSenderStatistics
{
    private readonly int _clockRate;
    private readonly TimeProvider _timeProvider;
    private bool _hasSent;
    private uint _lastRtpTimestamp;
    private long _lastSendTimestamp;

    /// <summary>Creates counters for a stream with an RTP clock of <paramref name="clockRate"/> Hz.</summary>
    public RtpSenderStatistics(int clockRate, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _clockRate = clockRate;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>RTP packets sent.</summary>
    public long PacketsSent { get; private set; }

    /// <summary>Payload octets sent (RFC 3550 counts payload only, not headers or padding).</summary>
    public long BytesSent { get; private set; }

    /// <summary>Accounts for one packet sent at <paramref name="sendTimestamp"/> (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public void RecordSent(int payloadLength, uint rtpTimestamp, long sendTimestamp)
    {
        PacketsSent++;
        BytesSent += payloadLength;
        _hasSent = true;
        _lastRtpTimestamp = rtpTimestamp;
        _lastSendTimestamp = sendTimestamp;
    }

    /// <summary>
    /// The sender info for an SR sent now: the wall clock in NTP format and the RTP timestamp extrapolated from the last
    /// packet sent to this instant (RFC 3550 §6.4.1), with the counters modulo 2^32.
    /// </summary>
    public RtcpSenderInfo CreateSenderInfo()
    {
        var now = _timeProvider.GetTimestamp();
        var rtpNow = _lastRtpTimestamp;
        if (_hasSent)
        {
            rtpNow += (uint)RtpClock.ToUnits(now - _lastSendTimestamp, _timeProvider.TimestampFrequency, _clockRate);
        }

        return new RtcpSenderInfo(
            NtpTimestamp.FromDateTimeOffset(_timeProvider.GetUtcNow()),
            rtpNow,
            (uint)PacketsSent,
            (uint)BytesSent);
    }
}
