namespace ContactCenter.Acd.Contracts;

/// <summary>Payload of the interaction.* events.</summary>
/// <param name="Reason">Why it was rejected, ended or overflowed ("rejected", "no_answer", "max_wait", ...).</param>
/// <param name="TargetServiceId">Overflow or transfer target.</param>
/// <param name="TargetAgentId">The agent a transfer offers it to directly.</param>
public sealed record InteractionEvent(
    string InteractionId,
    string ServiceId,
    string Media,
    string? CallId,
    string? AgentId,
    string? CustomerAddress,
    DateTimeOffset ArrivedAt,
    DateTimeOffset QueuedAt,
    double WaitSeconds,
    int? Position = null,
    string? Reason = null,
    string? TargetServiceId = null,
    string? Disposition = null,
    string? TargetAgentId = null);
