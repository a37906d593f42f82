namespace ContactCenter.Acd.Configuration;

/// <summary>An agent's level in a skill, 0–100.</summary>
public sealed record SkillLevel(string SkillId, int Level)
{
    public const int Max = 100;
}
