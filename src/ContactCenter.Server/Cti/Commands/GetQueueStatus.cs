using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>GET /cti/v1/get_queue_status</c>: waiting interactions (oldest first) and agents by state, per service.</summary>
public sealed class GetQueueStatus(AcdRuntime acd) : ICtiCommand<GetQueueStatus.Request, GetQueueStatus.Response>
{
    public static CtiCommandInfo Info { get; } = new("get_queue_status", CtiCommandMethod.Get, CtiPolicies.Agent,
        "Queue of one service (or of every service the caller may see): waiting interactions with position and wait, agents by state.");

    public sealed record Request(string? ServiceId = null);

    public sealed record Response(IReadOnlyList<CtiQueueView> Queues);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        var caller = context.Caller;
        string? agentScope = caller.IsAgent ? caller.AgentId : null;
        var queues = await acd.RunAsync(engine =>
        {
            var visible = CtiQueueView.CaptureAll(engine, agentScope);
            if (request.ServiceId is null) return visible;
            var one = visible.FirstOrDefault(q => q.ServiceId == request.ServiceId);
            return one is null ? null : (IReadOnlyList<CtiQueueView>)[one];
        }, cancellationToken);
        if (queues is null)
        {
            return agentScope is not null && acd.Configuration.Services.ContainsKey(request.ServiceId!)
                ? CtiProblem.Forbidden($"Agent '{agentScope}' does not work in service '{request.ServiceId}'.")
                : CtiProblem.NotFound("service_not_found", $"No service '{request.ServiceId}'.");
        }
        return new Response(queues);
    }
}
