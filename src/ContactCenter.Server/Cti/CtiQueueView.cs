using ContactCenter.Acd.Interactions;
using ContactCenter.Acd.Routing;

namespace ContactCenter.Server.Cti;

/// <summary>A service's queue now: who waits (oldest first) and its agents by state.</summary>
public sealed record CtiQueueView(
    string ServiceId,
    int Waiting,
    double LongestWaitSeconds,
    IReadOnlyDictionary<string, int> AgentsByState,
    IReadOnlyList<CtiQueueView.WaitingInteraction> Interactions)
{
    public sealed record WaitingInteraction(string InteractionId, string? CallId, string Media, int Position, DateTimeOffset QueuedAt, string? Caller);

    /// <summary>Built on the ACD loop; null for an unknown service.</summary>
    public static CtiQueueView? Capture(AcdEngine engine, string serviceId)
    {
        if (engine.GetServiceStatistics(serviceId) is not { } statistics) return null;
        var waiting = engine.Interactions.Values
            .Where(i => i.State == InteractionState.Queued && i.ServiceId == serviceId)
            .OrderBy(i => i.QueuedAt).ThenBy(i => i.Sequence)
            .Select((i, index) => new WaitingInteraction(i.Id, i.CallId, ContactCenter.Acd.Configuration.MediaTypes.Name(i.Media), index + 1,
                i.QueuedAt, i.Customer.Address))
            .ToList();
        return new CtiQueueView(serviceId, statistics.Waiting, Math.Round(statistics.LongestWaitSeconds, 3), statistics.AgentsByState, waiting);
    }

    /// <summary>Every service an agent token may see (the ones its agent is configured for), or all.</summary>
    public static IReadOnlyList<CtiQueueView> CaptureAll(AcdEngine engine, string? agentId) =>
        engine.Configuration.Services.Keys
            .Where(id => agentId is null || (engine.Configuration.Agents.TryGetValue(agentId, out var agent) && agent.Services.Contains(id)))
            .Order(StringComparer.Ordinal)
            .Select(id => Capture(engine, id))
            .OfType<CtiQueueView>()
            .ToList();
}
