using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Server.SipHosting;

/// <summary>
/// Healthy when every trunk that registers is registered; Degraded (still HTTP 200: the server works, extension calls
/// go on, and a restart would not bring a provider back) naming each trunk that is down and why.
/// </summary>
public sealed class TrunkRegistrationHealthCheck(TrunkStatusRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var trunks = registry.Snapshot();
        if (trunks.Count == 0) return Task.FromResult(HealthCheckResult.Healthy("no trunk registers"));
        var down = trunks.Where(t => !t.Up).ToArray();
        string summary = string.Create(CultureInfo.InvariantCulture, $"{trunks.Count - down.Length} of {trunks.Count} trunk(s) registered");
        if (down.Length == 0) return Task.FromResult(HealthCheckResult.Healthy(summary));
        string details = string.Join(", ", down.Select(t =>
            $"{t.Trunk} {TrunkRegistration.StateName(t.State)}{(t.LastError is { } error && t.State != Sip.Usages.Client.RegistrationState.Registering ? $" ({error})" : "")}"));
        return Task.FromResult(HealthCheckResult.Degraded($"{summary}; down: {details}"));
    }
}
