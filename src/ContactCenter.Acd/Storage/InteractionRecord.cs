namespace ContactCenter.Acd.Storage;

/// <summary>What the ACD keeps of a finished interaction, with its disposition (ACD-06).</summary>
/// <param name="Outcome">"handled", "abandoned", "released".</param>
public sealed record InteractionRecord(
    string Id,
    string ServiceId,
    string Media,
    string? CallId,
    string? AgentId,
    string? CustomerAddress,
    DateTimeOffset ArrivedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset EndedAt,
    string Outcome,
    string? Disposition,
    int Offers);
