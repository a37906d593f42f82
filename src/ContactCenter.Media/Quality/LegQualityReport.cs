namespace ContactCenter.Media.Quality;

/// <summary>The quality of one call leg: both directions, the round trip and the codec rated.</summary>
/// <param name="Codec">The codec the estimate assumes.</param>
/// <param name="Inbound">What we receive from the peer.</param>
/// <param name="Outbound">What the peer receives from us, from its RTCP reports (zeros before its first report).</param>
/// <param name="RoundTripMilliseconds">RTT from the last RTCP report block answering one of our SRs, when known.</param>
/// <param name="HasRemoteReport">True once the peer sent a report block about our stream.</param>
public readonly record struct LegQualityReport(
    EModelCodec Codec,
    DirectionStatistics Inbound,
    DirectionStatistics Outbound,
    double? RoundTripMilliseconds,
    bool HasRemoteReport);
