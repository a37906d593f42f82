using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Snapshot;

namespace ContactCenter.Server.Cti.Snapshot;

/// <summary>The "agents" section of <c>get_snapshot</c>: every agent with its state (an agent token: itself).</summary>
public sealed class AgentsSnapshot(AcdRuntime acd) : ICtiSnapshotContributor
{
    public string Section => "agents";

    // The ACD updates its state before it publishes agent.* events, so capturing after the snapshot's seq is read
    // includes every event at or below it.
    public async ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken) =>
        await acd.RunAsync(engine => engine.Configuration.Agents.Values
            .Where(a => caller.MayActFor(a.Id))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => CtiAgentView.From(a, engine.Agents.GetValueOrDefault(a.Id)))
            .ToList(), cancellationToken);
}
