namespace ContactCenter.Server.Acd;

/// <summary>
/// Authorization policy names the ACD endpoints require; the authentication module registers them (writes need an
/// administrator, reads a supervisor).
/// </summary>
public static class AcdPolicies
{
    public const string Admin = "cc-admin";
    public const string Supervisor = "cc-supervisor";
}
