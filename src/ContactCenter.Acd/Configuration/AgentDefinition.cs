namespace ContactCenter.Acd.Configuration;

/// <summary>A configured agent. <paramref name="Services"/> are the services the agent joins at login.</summary>
public sealed record AgentDefinition(
    string Id,
    string Name,
    string Login,
    string Extension,
    IReadOnlyList<SkillLevel> Skills,
    MediaCapacity Capacity,
    AgentRole Role,
    IReadOnlyList<string> Services)
{
    public int LevelIn(string skillId)
    {
        foreach (var skill in Skills)
            if (skill.SkillId == skillId) return skill.Level;
        return -1;
    }
}
