namespace ContactCenter.Cti.Authentication;

/// <summary>Claims the bearer handler puts on the principal.</summary>
public static class CtiClaimTypes
{
    /// <summary>The token's id (<c>tok_…</c>), never the token itself.</summary>
    public const string TokenId = "cc:token_id";

    /// <summary>The agent an agent token is bound to.</summary>
    public const string AgentId = "cc:agent_id";
}
