using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;

namespace ContactCenter.Server.Cti.Commands;

/// <summary><c>POST /cti/v1/agent_login</c>: logs an agent in at an extension (default: its configured one) into services.</summary>
public sealed class AgentLogin(AcdRuntime acd) : ICtiCommand<AgentLogin.Request, AgentLogin.Response>
{
    public static CtiCommandInfo Info { get; } = new("agent_login", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Logs an agent in (agent token: itself) at an extension, into services (default: its configured ones). 409 when already logged in.");

    public sealed record Request(string? AgentId = null, string? Extension = null, IReadOnlyList<string>? Services = null);

    public sealed record Response(CtiAgentView Agent);

    public async ValueTask<CtiResult<Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        AcdCommandContext.ClientData = context.ClientData; // the agent.*/interaction.* events it causes carry it (CTI-07)
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        if (request.Extension is { Length: 0 or > 64 }) return CtiProblem.InvalidField("extension", "extension must be 1 to 64 characters.");
        CtiAgentView? view = null;
        var problem = await CtiAgentCommands.RunAsync(acd, agentId, engine =>
        {
            var login = engine.Login(agentId, request.Extension, request.Services);
            if (!login.IsSuccess) return new AcdResult(login.Error);
            view = CtiAgentView.From(login.Value.Definition, login.Value);
            return AcdResult.Ok;
        }, cancellationToken);
        return problem is null ? new Response(view!) : problem;
    }
}
