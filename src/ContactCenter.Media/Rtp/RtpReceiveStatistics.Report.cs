using ContactCenter.Media.Rtcp;

namespace ContactCenter.Media.Rtp;

public sealed partial class RtpReceiveStatistics
{
    private bool _hasSenderReport;
    private uint _lastSenderReport;
    private long _lastSenderReportArrival;

    /// <summary>
    /// Remembers an SR received from this source so the next report block carries LSR and DLSR and the sender can
    /// compute the round trip. <paramref name="arrivalTimestamp"/> is a <see cref="TimeProvider.GetTimestamp"/> value.
    /// </summary>
    public void RecordSenderReport(NtpTimestamp ntpTimestamp, long arrivalTimestamp)
    {
        _hasSenderReport = true;
        _lastSenderReport = ntpTimestamp.Middle32;
        _lastSenderReportArrival = arrivalTimestamp;
    }

    /// <summary>
    /// Produces the report block about this source for an SR or RR sent at <paramref name="nowTimestamp"/> and starts a
    /// new report interval (RFC 3550 A.3: fraction lost covers the packets since the previous block).
    /// </summary>
    public RtcpReportBlock CreateReportBlock(long nowTimestamp)
    {
        var expected = ExpectedPackets;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (lostInterval << 8) / expectedInterval;

        uint delaySinceLastSenderReport = 0;
        if (_hasSenderReport)
        {
            var elapsed = RtpClock.ToUnits(nowTimestamp - _lastSenderReportArrival, _timestampFrequency, 65536);
            delaySinceLastSenderReport = (uint)Math.Clamp(elapsed, 0, uint.MaxValue);
        }

        return new RtcpReportBlock(
            _ssrc,
            (byte)Math.Min(255, fraction),
            RtcpReportBlock.ClampCumulativeLost(CumulativeLost),
            ExtendedHighestSequence,
            Jitter,
            _hasSenderReport ? _lastSenderReport : 0,
            delaySinceLastSenderReport);
    }
}
