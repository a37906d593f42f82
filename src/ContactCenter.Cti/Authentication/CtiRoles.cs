namespace ContactCenter.Cti.Authentication;

/// <summary>The roles a token carries (CTI-10), as stored and as written in JSON.</summary>
public static class CtiRoles
{
    /// <summary>Everything, including tokens.</summary>
    public const string Admin = "admin";

    /// <summary>Every agent, service and call; no tokens.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>A CRM or other system: subscriptions, webhooks, queries and call control.</summary>
    public const string Integrator = "integrator";

    /// <summary>One agent's desktop: its own state, its own calls, events about itself only.</summary>
    public const string Agent = "agent";

    /// <summary>All roles, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Integrator, Agent];

    /// <summary>Whether <paramref name="role"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? role) => role is Admin or Supervisor or Integrator or Agent;
}
