namespace ContactCenter.Acd.Routing;

/// <summary>
/// What a waiting customer is told (the service's queue announcements): its place in line (1 = next) and the expected
/// wait, each null when the service does not announce it or, for the wait, when it cannot be estimated yet.
/// </summary>
/// <param name="ExpectedWaitSeconds">Position × the service's average handling time today ÷ its available agents.</param>
public sealed record WaitAnnouncement(string InteractionId, string? CallId, string ServiceId, int? Position, int? ExpectedWaitSeconds);
