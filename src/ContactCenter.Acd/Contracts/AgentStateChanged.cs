namespace ContactCenter.Acd.Contracts;

/// <summary>Payload of agent.state_changed: every transition, with when the previous state began and how long it lasted.</summary>
public sealed record AgentStateChanged(
    string AgentId,
    string From,
    string To,
    string? PauseReason,
    string? InteractionId,
    DateTimeOffset PreviousSince,
    DateTimeOffset At,
    double PreviousDurationSeconds);
