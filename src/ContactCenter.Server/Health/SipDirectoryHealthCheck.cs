using System.Globalization;
using ContactCenter.Server.SipDirectory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Server.Health;

/// <summary>Healthy once the profiles are loaded and every extension has credentials.</summary>
public sealed class SipDirectoryHealthCheck : IHealthCheck
{
    private readonly ExtensionDirectory _directory;

    public SipDirectoryHealthCheck(ExtensionDirectory directory)
    {
        _directory = directory;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy(string.Create(
            CultureInfo.InvariantCulture,
            $"{_directory.Profiles.Count} profile(s), {_directory.Count} extension(s)")));
}
