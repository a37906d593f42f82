namespace ContactCenter.Cti.Authentication;

/// <summary>
/// The named authorization policies every module of the server uses (registered by <c>AddCti</c>). Each admits its
/// role and every more powerful one: <c>RequireAuthorization(CtiPolicies.Supervisor)</c>.
/// </summary>
public static class CtiPolicies
{
    /// <summary>admin.</summary>
    public const string Admin = "cc-admin";

    /// <summary>admin or supervisor.</summary>
    public const string Supervisor = "cc-supervisor";

    /// <summary>admin, supervisor or integrator.</summary>
    public const string Integrator = "cc-integrator";

    /// <summary>Any authenticated role, agents included (an agent's handler must still scope to its own agent id).</summary>
    public const string Agent = "cc-agent";

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Admin] = [CtiRoles.Admin],
        [Supervisor] = [CtiRoles.Admin, CtiRoles.Supervisor],
        [Integrator] = [CtiRoles.Admin, CtiRoles.Supervisor, CtiRoles.Integrator],
        [Agent] = [CtiRoles.Admin, CtiRoles.Supervisor, CtiRoles.Integrator, CtiRoles.Agent],
    };
}
