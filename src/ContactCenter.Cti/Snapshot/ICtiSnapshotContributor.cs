using ContactCenter.Cti.Authentication;

namespace ContactCenter.Cti.Snapshot;

/// <summary>
/// One section of <c>get_snapshot</c> (e.g. "agents", "calls", "queues"), contributed by the module that owns that
/// state. Register with <c>services.AddCtiSnapshotContributor&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// The snapshot's <c>seq</c> is read from the bus before any contributor captures, so every event at or below it
/// must already be reflected. A contributor therefore updates its state before it publishes the event describing the
/// change, and its events carry the new state (so a client applying an event the snapshot already includes is
/// harmless).
/// </remarks>
public interface ICtiSnapshotContributor
{
    /// <summary>The section's name in the snapshot, snake_case and unique: "agents".</summary>
    string Section { get; }

    /// <summary>
    /// The section's current state, JSON-serializable, as <paramref name="caller"/> may see it: an agent token must
    /// only see itself and its own calls.
    /// </summary>
    ValueTask<object> CaptureAsync(CtiCaller caller, CancellationToken cancellationToken);
}
