using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_services_list</c>: the services (an agent token: the ones it is configured for).</summary>
public sealed class GetServicesList(AcdRuntime acd) : ICtiCommand<CtiNoParameters, GetServicesList.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_services_list", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Services with media, answer mode, entry points, agent permissions and dispositions.");

    public sealed record Response(IReadOnlyList<CtiServiceView> Services);

    public ValueTask<CtiResult<Response>> ExecuteAsync(CtiNoParameters request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var configuration = acd.Configuration;
        var caller = context.Caller;
        IReadOnlyCollection<string>? own = caller.IsAgent
            ? configuration.Agents.TryGetValue(caller.AgentId!, out var agent) ? agent.Services : []
            : null;
        var services = configuration.Services.Values
            .Where(s => own is null || own.Contains(s.Id))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => CtiServiceView.From(s, configuration))
            .ToList();
        return ValueTask.FromResult<CtiResult<Response>>(new Response(services));
    }
}
