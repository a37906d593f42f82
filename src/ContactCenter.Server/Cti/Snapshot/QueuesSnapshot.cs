using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Snapshot;

namespace ContactCenter.Server.Cti.Snapshot;

/// <summary>The "queues" section of <c>get_snapshot</c>: each service's waiting line and agents by state (an agent token: its services).</summary>
public sealed class QueuesSnapshot(AcdRuntime acd) : ICtiSnapshotContributor
{
    public string Section => "queues";

    public async ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken) =>
        await acd.RunAsync(engine => CtiQueueView.CaptureAll(engine, caller.IsAgent ? caller.AgentId : null), cancellationToken);
}
