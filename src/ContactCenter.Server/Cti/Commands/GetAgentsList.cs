using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_agents_list</c>: agents with their live state (an agent token sees itself only).</summary>
public sealed class GetAgentsList(AcdRuntime acd) : ICtiCommand<GetAgentsList.Request, GetAgentsList.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_agents_list", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Agents with their state, pause reason, extension and services; optionally only those of one service.");

    public sealed record Request(string? ServiceId = null);

    public sealed record Response(IReadOnlyList<CtiAgentView> Agents);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        var agents = await acd.RunAsync(engine =>
        {
            if (request.ServiceId is { } service && !engine.Configuration.Services.ContainsKey(service)) return null;
            return engine.Configuration.Agents.Values
                .Where(a => caller.MayActFor(a.Id))
                .Where(a => request.ServiceId is null || a.Services.Contains(request.ServiceId, StringComparer.Ordinal))
                .OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => CtiAgentView.From(a, engine.Agents.GetValueOrDefault(a.Id)))
                .ToList();
        }, cancellationToken);
        if (agents is null) return CtiProblem.NotFound("service_not_found", $"No service '{request.ServiceId}'.");
        return new Response(agents);
    }
}
