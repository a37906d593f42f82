namespace ContactCenter.Acd.Configuration;

/// <summary>One line of a service's attendance profile: agents need <paramref name="SkillId"/> at <paramref name="MinimumLevel"/> or more.</summary>
public sealed record SkillRequirement(string SkillId, int MinimumLevel);
