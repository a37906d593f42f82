using System.Security.Claims;

namespace ContactCenter.Cti.Authentication;

/// <summary>Who is calling a command: the token's id, its role and, for an agent token, the agent it is bound to.</summary>
/// <param name="TokenId">The token's id (<c>tok_…</c>).</param>
/// <param name="Role">One of <see cref="CtiRoles"/>.</param>
/// <param name="AgentId">The bound agent, for the agent role only.</param>
public sealed record CtiCaller(string TokenId, string Role, string? AgentId)
{
    /// <summary>An agent token: sees and acts on its own agent only.</summary>
    public bool IsAgent => Role == CtiRoles.Agent;

    /// <summary>Admin or supervisor: sees every agent, call and subscription.</summary>
    public bool IsSupervisorOrAbove => Role is CtiRoles.Admin or CtiRoles.Supervisor;

    /// <summary>Whether this caller may see or act for <paramref name="agentId"/>: any non-agent role, or the agent itself.</summary>
    public bool MayActFor(string agentId) => !IsAgent || string.Equals(AgentId, agentId, StringComparison.Ordinal);

    /// <summary>Reads the caller from a principal built by the bearer handler; null when not authenticated by it.</summary>
    public static CtiCaller? From(ClaimsPrincipal user)
    {
        string? tokenId = user.FindFirstValue(CtiClaimTypes.TokenId);
        string? role = user.FindFirstValue(ClaimTypes.Role);
        if (tokenId is null || !CtiRoles.IsKnown(role))
            return null;
        return new CtiCaller(tokenId, role!, user.FindFirstValue(CtiClaimTypes.AgentId));
    }
}
