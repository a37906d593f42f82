namespace ContactCenter.Acd.Configuration;

/// <summary>A skill agents hold at a level and services require at a minimum level.</summary>
public sealed record Skill(string Id, string Name);
