using ContactCenter.Acd;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Agents;

/// <summary>Agents: list (with live state), get, create, update, delete (refused while logged in).</summary>
public static class AgentEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/agents").WithTags("ACD agents");
        group.MapGet("/", ListAgents).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetAgent).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreateAgent).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdateAgent).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeleteAgent).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<AgentResponse[]>> ListAgents(AcdRuntime runtime) =>
        TypedResults.Ok(await runtime.RunAsync(e => e.Configuration.Agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => AgentResponse.From(a, e.Agents.GetValueOrDefault(a.Id))).ToArray()));

    public static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAgent(string id, AcdRuntime runtime)
    {
        var agent = await runtime.RunAsync(e => e.Configuration.Agents.TryGetValue(id, out var a) ? AgentResponse.From(a, e.Agents.GetValueOrDefault(id)) : null);
        return agent != null ? TypedResults.Ok(agent) : AcdProblems.From(AcdErrors.AgentNotFound(id));
    }

    public static async Task<Results<Created<AgentResponse>, ProblemHttpResult>> CreateAgent(AgentRequest body, AcdAdministration admin)
    {
        if (ToDefinition(body.Id, body) is not { } agent) return AcdProblems.Invalid(RoleError);
        var result = await admin.SaveAgentAsync(agent, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/agents/{agent.Id}", AgentResponse.From(agent, null)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> UpdateAgent(string id, AgentRequest body, AcdAdministration admin)
    {
        if (body.Id != null && body.Id != id) return AcdProblems.Invalid("The id in the body differs from the one in the path.");
        if (ToDefinition(id, body) is not { } agent) return AcdProblems.Invalid(RoleError);
        var result = await admin.SaveAgentAsync(agent, create: false);
        return result.IsSuccess ? TypedResults.Ok(AgentResponse.From(agent, null)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAgent(string id, AcdAdministration admin)
    {
        var result = await admin.DeleteAgentAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }

    private static readonly string RoleError = $"role must be one of: {EnumNames.Expected<AgentRole>()}.";

    private static AgentDefinition? ToDefinition(string? id, AgentRequest body)
    {
        var role = AgentRole.Agent;
        if (body.Role != null && !EnumNames.TryParse(body.Role, out role)) return null;
        var capacity = body.Capacity ?? new CapacityDto();
        return new AgentDefinition(id ?? "", body.Name ?? "", body.Login ?? id ?? "", body.Extension ?? "",
            (body.Skills ?? []).Select(s => new SkillLevel(s.SkillId ?? "", s.Level)).ToList(),
            new MediaCapacity(capacity.Voice, capacity.Chat, capacity.Email, capacity.Sms), role, body.Services ?? []);
    }
}
