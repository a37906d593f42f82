using ContactCenter.Cti.Authentication;

namespace ContactCenter.Cti.Tokens;

/// <summary>A token as listed: never the token nor its hash, only the first characters to recognise it.</summary>
public sealed record TokenView(string Id, string Name, string Role, string? AgentId, string Prefix, string CreatedAt, string? CreatedBy, string? RevokedAt)
{
    internal static TokenView From(ApiToken token) =>
        new(token.Id, token.Name, token.Role, token.AgentId, token.TokenPrefix, token.CreatedAt, token.CreatedBy, token.RevokedAt);
}
