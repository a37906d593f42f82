namespace ContactCenter.Events;

/// <summary>
/// The ids an event is about. Subscribers filter on them (CTI-01), so a producer sets every id it knows.
/// </summary>
/// <param name="CallId">The call the event concerns.</param>
/// <param name="AgentId">The agent the event concerns.</param>
/// <param name="ServiceId">The service (queue) the event concerns.</param>
/// <param name="Media">The media type of the interaction, e.g. "voice", "chat", "email", "sms".</param>
public readonly record struct EventSubject(
    string? CallId = null,
    string? AgentId = null,
    string? ServiceId = null,
    string? Media = null);
