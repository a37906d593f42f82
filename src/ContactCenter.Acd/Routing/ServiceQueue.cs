using ContactCenter.Acd.Agents;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Statistics;

namespace ContactCenter.Acd.Routing;

/// <summary>A service's live side: its waiting line (oldest first), the logged-in members and its counters.</summary>
internal sealed class ServiceQueue(ServiceDefinition definition)
{
    private static readonly Comparer<Interaction> LineOrder = Comparer<Interaction>.Create((a, b) =>
    {
        int byTime = a.LineSince.CompareTo(b.LineSince);
        return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
    });

    public ServiceDefinition Definition { get; set; } = definition;

    public string Id => Definition.Id;

    /// <summary>Waiting interactions in line order. Remove before changing an interaction's LineSince.</summary>
    public SortedSet<Interaction> Waiting { get; } = new(LineOrder);

    /// <summary>Logged-in agents taking work from this service, in login order (round robin walks it).</summary>
    public List<AgentSession> Members { get; } = [];

    /// <summary>Join number of each member: round robin picks the next one after <see cref="LastChosenJoin"/>.</summary>
    public Dictionary<AgentSession, long> JoinOrder { get; } = [];

    public long LastChosenJoin { get; set; } = -1;

    private long _joins;

    public void Join(AgentSession session)
    {
        Members.Add(session);
        JoinOrder[session] = ++_joins;
    }

    public void Leave(AgentSession session)
    {
        Members.Remove(session);
        JoinOrder.Remove(session);
    }

    public ServiceCounters Interval { get; } = new();

    public ServiceCounters Today { get; } = new();

    public bool StatisticsScheduled { get; set; }

    public DateTimeOffset LastStatisticsAt { get; set; } = DateTimeOffset.MinValue;

    /// <summary>Marks the service as already collected in one routing pass.</summary>
    public long PassStamp { get; set; }

    /// <summary>
    /// The longest current wait in this queue. Line order follows <see cref="Interaction.LineSince"/>, which a transfer
    /// keeps from before, so the first in line is not always the one waiting here longest: every waiting one is looked at.
    /// </summary>
    public double LongestWaitSeconds(DateTimeOffset now)
    {
        double longest = 0;
        foreach (var waiting in Waiting) longest = Math.Max(longest, (now - waiting.QueuedAt).TotalSeconds);
        return longest;
    }

    /// <summary>Position in line, 1-based.</summary>
    public int PositionOf(Interaction interaction)
    {
        int position = 1;
        foreach (var waiting in Waiting)
        {
            if (ReferenceEquals(waiting, interaction)) return position;
            position++;
        }
        return 0;
    }
}
