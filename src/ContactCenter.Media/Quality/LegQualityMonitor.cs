using ContactCenter.Media.Rtcp;
using ContactCenter.Media.Rtp;

namespace ContactCenter.Media.Quality;

/// <summary>
/// Combines what a call leg measures itself (inbound <see cref="RtpReceiveStatistics"/>, outbound
/// <see cref="RtpSenderStatistics"/>) with what the peer reports about our stream in RTCP (loss, jitter, and the LSR/DLSR
/// that give the round trip) into a <see cref="LegQualityReport"/> with an E-model MOS per direction.
/// </summary>
/// <remarks>
/// The one-way delay fed to the E-model is an estimate: half the RTT (0 until known), plus twice the jitter (what an
/// adaptive jitter buffer holds), plus <see cref="FixedDelay"/> for packetization and codec. Single-threaded: feed and
/// read it from the call's serialized context.
/// </remarks>
public sealed class LegQualityMonitor
{
    /// <summary>Default fixed delay: a 20 ms frame plus 20 ms of playout and codec delay.</summary>
    public static readonly TimeSpan DefaultFixedDelay = TimeSpan.FromMilliseconds(40);

    private readonly uint _localSsrc;
    private RtcpReportBlock _remoteReport;
    private bool _hasRemoteReport;
    private double? _roundTripMilliseconds;

    /// <summary>Creates a monitor for the leg whose outgoing SSRC is <paramref name="localSsrc"/>.</summary>
    public LegQualityMonitor(uint localSsrc, EModelCodec codec, int clockRate, TimeSpan? fixedDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        _localSsrc = localSsrc;
        Codec = codec;
        ClockRate = clockRate;
        FixedDelay = fixedDelay ?? DefaultFixedDelay;
    }

    /// <summary>The codec rated.</summary>
    public EModelCodec Codec { get; set; }

    /// <summary>The RTP clock rate of our outgoing stream (to read the peer's jitter).</summary>
    public int ClockRate { get; }

    /// <summary>Packetization and codec delay added to the network delay.</summary>
    public TimeSpan FixedDelay { get; }

    /// <summary>
    /// Takes a report block from the peer's SR or RR. Blocks about other sources are ignored (returns false).
    /// <paramref name="arrival"/> is when the RTCP packet arrived, for the round trip.
    /// </summary>
    public bool RecordRemoteReport(in RtcpReportBlock block, NtpTimestamp arrival)
    {
        if (block.Ssrc != _localSsrc)
        {
            return false;
        }

        _remoteReport = block;
        _hasRemoteReport = true;
        if (RtcpRoundTrip.TryCompute(arrival.Middle32, block.LastSenderReport, block.DelaySinceLastSenderReport, out var rtt))
        {
            _roundTripMilliseconds = rtt.TotalMilliseconds;
        }

        return true;
    }

    /// <summary>Builds the report from the leg's inbound and outbound counters and the latest remote report.</summary>
    public LegQualityReport CreateReport(RtpReceiveStatistics inbound, RtpSenderStatistics outbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(outbound);
        var halfRoundTrip = (_roundTripMilliseconds ?? 0) / 2;

        var inboundExpected = inbound.TotalPacketsExpected;
        var inboundLoss = Percent(inbound.TotalPacketsLost, inboundExpected);
        var inboundJitter = inbound.JitterMilliseconds;
        var inboundDirection = new DirectionStatistics(
            inbound.PacketsReceived,
            inbound.BytesReceived,
            inbound.TotalPacketsLost,
            inboundLoss,
            inboundJitter,
            EModel.Estimate(Codec, OneWayDelay(halfRoundTrip, inboundJitter), inboundLoss));

        var outboundLost = _hasRemoteReport ? Math.Max(0, _remoteReport.CumulativeLost) : 0;
        var outboundLoss = Percent(outboundLost, outbound.PacketsSent);
        var outboundJitter = _hasRemoteReport ? _remoteReport.Jitter * 1000.0 / ClockRate : 0;
        var outboundDirection = new DirectionStatistics(
            outbound.PacketsSent,
            outbound.BytesSent,
            outboundLost,
            outboundLoss,
            outboundJitter,
            EModel.Estimate(Codec, OneWayDelay(halfRoundTrip, outboundJitter), outboundLoss));

        return new LegQualityReport(Codec, inboundDirection, outboundDirection, _roundTripMilliseconds, _hasRemoteReport);
    }

    private double OneWayDelay(double halfRoundTrip, double jitterMilliseconds) =>
        halfRoundTrip + (2 * jitterMilliseconds) + FixedDelay.TotalMilliseconds;

    private static double Percent(long part, long whole) => whole <= 0 ? 0 : Math.Clamp(100.0 * part / whole, 0, 100);
}
