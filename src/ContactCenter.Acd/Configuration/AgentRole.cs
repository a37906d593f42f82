namespace ContactCenter.Acd.Configuration;

/// <summary>What a person does in the contact center; supervisors also take interactions when logged in.</summary>
public enum AgentRole
{
    Agent,
    Supervisor,
}
