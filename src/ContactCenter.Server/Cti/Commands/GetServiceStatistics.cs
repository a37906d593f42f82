using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_service_statistics</c>: a service's real-time statistics (ACD-09), the payload of <c>service.statistics</c>.</summary>
public sealed class GetServiceStatistics(AcdRuntime acd) : ICtiCommand<GetServiceStatistics.Request, ServiceStatistics>
{
    public static CtiCommandInfo Info { get; } = new("get_service_statistics", CtiCommandMethod.Get, CtiPolicies.Integrator,
        "A service's statistics now: waiting, longest wait, agents by state, this interval's and today's figures.");

    public sealed record Request(string ServiceId);

    public async ValueTask<CtiResult<ServiceStatistics>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var statistics = await acd.RunAsync(engine => engine.GetServiceStatistics(request.ServiceId), cancellationToken);
        return statistics is null ? CtiProblem.NotFound("service_not_found", $"No service '{request.ServiceId}'.") : statistics;
    }
}
