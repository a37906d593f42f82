using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_calls</c>: calls in progress, optionally of one agent or service (agent token: its own).</summary>
public sealed class GetCalls(CtiCallDirectory calls) : ICtiCommand<GetCalls.Request, GetCalls.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_calls", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Calls in progress with parties, state, agent and service; filter by agent_id and/or service_id.");

    public sealed record Request(string? AgentId = null, string? ServiceId = null);

    public sealed record Response(IReadOnlyList<CtiCallView> Calls);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        if (request.AgentId is { } wanted && !caller.MayActFor(wanted))
            return CtiProblem.Forbidden($"This token acts for agent '{caller.AgentId}' only.");
        string? agentId = request.AgentId ?? (caller.IsAgent ? caller.AgentId : null);
        var view = await calls.AcdAsync(cancellationToken);
        var list = calls.ActiveCalls()
            .Where(c => agentId is null || CtiCallDirectory.Involves(c.Call, agentId, view))
            .Select(c => CtiCallView.From(c.Call, view))
            .Where(c => request.ServiceId is null || c.ServiceId == request.ServiceId)
            .OrderBy(c => c.StartedAt)
            .ThenBy(c => c.CallId, StringComparer.Ordinal)
            .ToList();
        return new Response(list);
    }
}
