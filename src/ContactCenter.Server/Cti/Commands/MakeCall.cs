using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using ContactCenter.Telephony.Calls;

namespace ContactCenter.Server.Cti.Commands;

/// <summary>
/// <c>POST /cti/v1/make_call</c>: click-to-dial. The agent's extension (where it logged in, else its configured one)
/// is called first — answered by itself unless <c>auto_answer</c> is false — then the destination by the extension's
/// dial plan, and the two are bridged.
/// </summary>
public sealed class MakeCall(CtiCallDirectory calls) : ICtiCommand<MakeCall.Request, CtiCallCommand.Response>
{
    public static CtiCommandInfo Info { get; } = new("make_call", CtiCommandMethod.Post, CtiPolicies.Agent,
        "Click-to-dial from an agent's extension to a destination (extension or number). Returns the new call's id.");

    public sealed record Request(string Destination, string? AgentId = null, bool AutoAnswer = true);

    public async ValueTask<CtiResult<CtiCallCommand.Response>> ExecuteAsync(Request request, CtiCommandContext context, CancellationToken cancellationToken)
    {
        if (CtiAgentCommands.Resolve(request.AgentId, context.Caller, out var agentId) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(request.Destination) || request.Destination.Length > 64 || request.Destination.Any(char.IsWhiteSpace))
            return CtiProblem.InvalidField("destination", "destination must be 1 to 64 characters without spaces.");
        var view = await calls.AcdAsync(cancellationToken);
        if (!view.Agents.TryGetValue(agentId, out var agent)) return CtiProblem.NotFound("agent_not_found", $"No agent '{agentId}'.");
        if (calls.DefaultEngine is not { } engine)
            return new CtiProblem(StatusCodes.Status503ServiceUnavailable, "telephony_unavailable", "No call engine runs.", "The SIP stack is not started.");
        CallCommandContext.ClientData = context.ClientData;
        var result = await engine.OriginateAsync(agent.Extension, request.Destination, request.AutoAnswer ? AnswerMode.Automatic : AnswerMode.Manual);
        if (!result.Succeeded)
        {
            var problem = CtiCallProblems.From(result, "destination");
            return result.Code == "extension_not_registered" ? problem with { Extensions = new Dictionary<string, object?> { ["extension"] = agent.Extension } } : problem;
        }
        return new CtiCallCommand.Response(result.CallId!, CtiCallProblems.StateName(result.State ?? CallState.Routing));
    }
}
