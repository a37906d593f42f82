namespace ContactCenter.Acd.Configuration;

/// <summary>What agents may do with an interaction of a service (ACD-01).</summary>
public sealed record AgentPermissions(bool Consult = true, bool Transfer = true, bool Conference = false);
