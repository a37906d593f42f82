using ContactCenter.Storage;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ContactCenter.Server.Storage;

/// <summary>Healthy when the database opens and answers a query.</summary>
internal sealed class StorageHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = connections.Open();
            var count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
            return HealthCheckResult.Healthy($"{count} migration(s) applied");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be opened", ex);
        }
    }
}
