using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/classify_call</c>: the disposition of an ended interaction the agent is classifying (ACD-06); for a
/// voice interaction its id is the call id. Post-call time follows.
/// </summary>
public sealed class ClassifyCall(AcdRuntime acd) : ICtiCommand<ClassifyCall.Request, ClassifyCall.Response>
{
    public static CtiCommandInfo Info { get; } = new("classify_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Chooses the disposition of a call the agent is classifying. 409 not_in_classification otherwise.");

    public sealed record Request(string CallId, string Disposition, string? AgentId = null);

    public sealed record Response(string CallId, string AgentId, string Disposition);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        var problem = await CtiAgentCommands.RunAsync(acd, agentId, engine => engine.Classify(agentId, request.CallId, request.Disposition), cancellationToken);
        if (problem is not null)
            return problem.Code == ContactCenter.Acd.AcdErrors.UnknownDispositionCode ? problem with { Field = "disposition" } : problem;
        return new Response(request.CallId, agentId, request.Disposition);
    }
}
