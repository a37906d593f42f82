using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Statistics;

namespace ContactCenter.Acd.Agents;

/// <summary>
/// An agent's live state, owned by the routing loop. <see cref="State"/> is derived from the presence, the
/// interactions in hand and the wrap-ups, so the shown state can never disagree with the work the agent holds.
/// </summary>
public sealed class AgentSession
{
    private readonly int[] _load = new int[MediaTypes.All.Count];

    internal AgentSession(AgentDefinition definition, DateTimeOffset now)
    {
        Definition = definition;
        StateSince = now;
        IdleSince = now;
    }

    public AgentDefinition Definition { get; internal set; }

    public string Id => Definition.Id;

    public AgentPresence Presence { get; internal set; } = AgentPresence.LoggedOut;

    /// <summary>The pause reason while paused (or <see cref="PauseReason.Rona"/>).</summary>
    public string? PauseReason { get; internal set; }

    /// <summary>The extension the agent logged in at (voice is offered there).</summary>
    public string? Extension { get; internal set; }

    public DateTimeOffset? LoggedInAt { get; internal set; }

    /// <summary>The services the agent takes work from while logged in.</summary>
    public IReadOnlyList<string> Services { get; internal set; } = [];

    /// <summary>Offered and connected interactions.</summary>
    internal List<Interaction> Interactions { get; } = [];

    internal List<WrapUp> WrapUps { get; } = [];

    /// <summary>Last offer or last time the agent became free: what longest-idle orders by.</summary>
    public DateTimeOffset IdleSince { get; internal set; }

    public AgentState State { get; internal set; } = AgentState.LoggedOut;

    /// <summary>Time in states is counted into the counters up to here.</summary>
    internal DateTimeOffset AccruedUntil { get; set; }

    internal bool StatisticsScheduled { get; set; }

    internal string? PublishedPauseReason { get; set; }

    internal DateTimeOffset LastStatisticsAt { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset StateSince { get; internal set; }

    internal AgentCounters Today { get; } = new();

    internal AgentCounters Interval { get; } = new();

    /// <summary>Skill score per service, computed at login for best-skill routing.</summary>
    internal Dictionary<string, int> SkillScores { get; } = new(StringComparer.Ordinal);

    public bool IsLoggedIn => Presence != AgentPresence.LoggedOut;

    /// <summary>Interactions of <paramref name="media"/> that take capacity (offered or connected, not pending).</summary>
    public int Load(MediaType media) => _load[(int)media];

    internal void AddLoad(MediaType media, int delta) => _load[(int)media] += delta;

    /// <summary>Free to be offered new work at all: available and not wrapping up.</summary>
    public bool IsTakingWork => Presence == AgentPresence.Available && WrapUps.Count == 0;

    /// <summary>Could take an interaction of <paramref name="media"/> right now.</summary>
    public bool HasCapacityFor(MediaType media) => Load(media) < Definition.Capacity.For(media);

    internal bool HasAnyCapacity()
    {
        foreach (var media in MediaTypes.All)
            if (HasCapacityFor(media)) return true;
        return false;
    }

    internal AgentState DeriveState()
    {
        if (Presence == AgentPresence.LoggedOut) return AgentState.LoggedOut;
        bool connected = false;
        foreach (var interaction in Interactions)
        {
            if (interaction.State == InteractionState.Offered) return AgentState.Offered;
            if (interaction.State == InteractionState.Connected) connected = true;
        }
        if (connected) return AgentState.Busy;
        if (WrapUps.Count > 0)
            return WrapUps.Any(w => w.Phase == WrapUpPhase.Classification) ? AgentState.Classification : AgentState.PostCall;
        return Presence switch
        {
            AgentPresence.Paused => AgentState.Paused,
            AgentPresence.Rona => AgentState.Rona,
            _ => AgentState.Available,
        };
    }

    public override string ToString() => $"{Id} ({State})";
}
