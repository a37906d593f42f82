namespace ContactCenter.Acd.Contracts;

/// <summary>Payload of agent.logged_in / agent.logged_out.</summary>
public sealed record AgentLoginChanged(string AgentId, string? Extension, IReadOnlyList<string> Services, DateTimeOffset At);
