namespace ContactCenter.Acd.Contracts;

/// <summary>Payload of classification.required (with the allowed dispositions and the deadline) and classification.done.</summary>
public sealed record ClassificationEvent(
    string InteractionId,
    string AgentId,
    string ServiceId,
    IReadOnlyList<string> Dispositions,
    DateTimeOffset? Deadline,
    string? Disposition = null,
    bool TimedOut = false);
