namespace ContactCenter.Media.Sessions;

/// <summary>Something a media leg noticed that the call engine must act on; delivered to the callback given at creation.</summary>
/// <param name="Leg">The leg it happened on.</param>
public abstract record MediaEvent(MediaLeg Leg);
