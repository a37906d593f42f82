using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Events;

namespace ContactCenter.Cti.Snapshot;

/// <summary>
/// <c>GET /cti/v1/get_snapshot</c>: the current state (agents, calls, queues… whatever modules contribute) and the
/// <c>seq</c> it reflects (CTI-09). After a <c>resync_required</c>, load this and apply channel events with a higher seq.
/// </summary>
public sealed class GetSnapshot(IEnumerable<ICtiSnapshotContributor> contributors, IEventBus events)
    : ICtiCommand<GetSnapshot.Request, GetSnapshot.Response>
{
    /// <inheritdoc />
    public static CtiCommandInfo Info { get; } = new("get_snapshot", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Current state of every contributed section with the event seq and stream it reflects.");

    /// <summary>Optionally only some sections.</summary>
    public sealed record Request(IReadOnlyList<string>? Sections = null);

    /// <summary>The state: every event with a seq at or below <paramref name="Seq"/> in stream <paramref name="StreamId"/> is reflected.</summary>
    public sealed record Response(long Seq, string StreamId, IReadOnlyDictionary<string, object> Sections);

    /// <inheritdoc />
    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var all = contributors.ToList();
        if (request.Sections is { } wanted)
        {
            var unknown = wanted.FirstOrDefault(w => all.All(c => c.Section != w));
            if (unknown is not null)
                return CtiProblem.InvalidField("sections",
                    $"There is no section '{unknown}'; available: {string.Join(", ", all.Select(c => c.Section).Order(StringComparer.Ordinal))}.");
            all = all.Where(c => wanted.Contains(c.Section)).ToList();
        }

        // Read before capturing: the contributors' state includes at least every event up to here.
        long seq = events.CurrentSeq;
        var sections = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var contributor in all)
            sections[contributor.Section] = await contributor.CaptureAsync(context.Caller, cancellationToken);
        return new Response(seq, events.StreamId, sections);
    }
}
