using ContactCenter.Acd.Interactions;

namespace ContactCenter.Acd.Agents;

/// <summary>An agent's after-work on one ended interaction: classification, then post-call, each time-boxed.</summary>
internal sealed class WrapUp(Interaction interaction, WrapUpPhase phase, DateTimeOffset startedAt, DateTimeOffset deadline, long token)
{
    public Interaction Interaction { get; } = interaction;
    public WrapUpPhase Phase { get; set; } = phase;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset Deadline { get; set; } = deadline;
    public long Token { get; set; } = token;
}
