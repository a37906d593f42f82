namespace ContactCenter.Media.Sessions;

/// <summary>No RTP arrived on <paramref name="Leg"/> for <paramref name="Silence"/> while it was not held (the peer is gone).</summary>
/// <param name="Leg">The silent leg.</param>
/// <param name="Silence">How long nothing arrived.</param>
public sealed record MediaTimeoutEvent(MediaLeg Leg, TimeSpan Silence) : MediaEvent(Leg);
