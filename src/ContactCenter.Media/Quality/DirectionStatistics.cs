namespace ContactCenter.Media.Quality;

/// <summary>Statistics of one media direction of a call leg.</summary>
/// <param name="Packets">RTP packets (received, or sent).</param>
/// <param name="Bytes">Payload octets.</param>
/// <param name="PacketsLost">Packets lost (inbound: measured here; outbound: as the peer reported in RTCP).</param>
/// <param name="LossPercent">Loss as a percentage of the packets expected.</param>
/// <param name="JitterMilliseconds">Interarrival jitter (inbound: measured here; outbound: as the peer reported).</param>
/// <param name="Quality">The E-model estimate for this direction.</param>
public readonly record struct DirectionStatistics(
    long Packets,
    long Bytes,
    long PacketsLost,
    double LossPercent,
    double JitterMilliseconds,
    QualityEstimate Quality);
