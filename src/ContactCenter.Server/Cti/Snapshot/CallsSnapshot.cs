using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Snapshot;

namespace ContactCenter.Server.Cti.Snapshot;

/// <summary>The "calls" section of <c>get_snapshot</c>: calls in progress (an agent token: its own).</summary>
public sealed class CallsSnapshot(CtiCallDirectory calls) : ICtiSnapshotContributor
{
    public string Section => "calls";

    public async ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken)
    {
        var view = await calls.AcdAsync(cancellationToken);
        return calls.ActiveCalls()
            .Where(c => !caller.IsAgent || CtiCallDirectory.Involves(c.Call, caller.AgentId!, view))
            .Select(c => CtiCallView.From(c.Call, view))
            .OrderBy(c => c.StartedAt)
            .ThenBy(c => c.CallId, StringComparer.Ordinal)
            .ToList();
    }
}
