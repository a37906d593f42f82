namespace ContactCenter.Cti.Authentication;

/// <summary>A row of <c>cti_tokens</c> (never the token itself).</summary>
public sealed record ApiToken(
    string Id,
    string TokenHash,
    string TokenPrefix,
    string Name,
    string Role,
    string? AgentId,
    string CreatedAt,
    string? CreatedBy,
    string? RevokedAt);
