namespace ContactCenter.Server.Acd.Agents;

/// <summary>Body of agent writes. Capacity defaults to one voice interaction; role to "agent".</summary>
public sealed record AgentRequest(
    string? Id,
    string? Name,
    string? Login,
    string? Extension,
    IReadOnlyList<SkillLevelDto>? Skills,
    CapacityDto? Capacity,
    string? Role,
    IReadOnlyList<string>? Services);

public sealed record SkillLevelDto(string SkillId, int Level);

public sealed record CapacityDto(int Voice = 1, int Chat = 0, int Email = 0, int Sms = 0);
