using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// The registration status of every trunk that registers with its provider, by trunk name: what the health check
/// reports and the CTI API will serve. Trunks that do not register are not listed.
/// </summary>
public sealed class TrunkStatusRegistry
{
    private readonly ConcurrentDictionary<string, TrunkRegistration> _trunks = new(StringComparer.Ordinal);

    /// <summary>Every registering trunk's status now, by name.</summary>
    public IReadOnlyList<TrunkStatus> Snapshot() =>
        _trunks.Values.Select(t => t.Status).OrderBy(s => s.Trunk, StringComparer.Ordinal).ToArray();

    public bool TryGet(string trunk, [NotNullWhen(true)] out TrunkStatus? status)
    {
        status = _trunks.TryGetValue(trunk, out var registration) ? registration.Status : null;
        return status is not null;
    }

    internal void Add(TrunkRegistration registration)
    {
        if (!_trunks.TryAdd(registration.Name, registration))
            throw new InvalidOperationException($"Trunk {registration.Name} is registered twice.");
    }
}
