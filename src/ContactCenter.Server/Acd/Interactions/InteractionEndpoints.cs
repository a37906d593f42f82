using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Interactions;

/// <summary>
/// ACD-08 for supervisors: transfer or release an interaction (for voice, the interaction id is the call id) to a
/// service — re-queued there, keeping its place in line; the caller hears music — or to an agent, offered directly.
/// Supervisors are not bound by the service's transfer permission (agents are, through the CTI API).
/// </summary>
public static class InteractionEndpoints
{
    /// <summary>Exactly one of <paramref name="ServiceId"/> (its own service: a release back to the queue) or <paramref name="AgentId"/>.</summary>
    public sealed record TransferRequest(string? ServiceId, string? AgentId);

    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/interactions").WithTags("ACD interactions");
        group.MapPost("/{id}/transfer", Transfer).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Transfer(string id, TransferRequest? body, AcdRuntime runtime)
    {
        if (body is null || (body.ServiceId is null) == (body.AgentId is null))
            return AcdProblems.Invalid("Give exactly one of serviceId or agentId.");
        var result = await runtime.RunAsync(e => body.ServiceId is { } service
            ? e.TransferToService(id, service, byAgent: false)
            : e.TransferToAgent(id, body.AgentId!, byAgent: false));
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }
}
