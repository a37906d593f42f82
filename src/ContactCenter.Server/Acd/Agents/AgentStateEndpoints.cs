using ContactCenter.Acd;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Agents;

/// <summary>
/// Agent state commands for supervisors and tests (the CTI API gives agents their own): login, logout, pause,
/// ready, classify; and the agent's statistics. Illegal transitions answer 409 <c>invalid_state_transition</c>.
/// </summary>
public static class AgentStateEndpoints
{
    public sealed record LoginRequest(string? Extension, IReadOnlyList<string>? Services);

    public sealed record PauseRequest(string? Reason);

    public sealed record ClassifyRequest(string? InteractionId, string? Disposition);

    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/agents/{id}").WithTags("ACD agent state");
        group.MapPost("/login", Login).RequireAuthorization(AcdPolicies.Admin);
        group.MapPost("/logout", Logout).RequireAuthorization(AcdPolicies.Admin);
        group.MapPost("/pause", Pause).RequireAuthorization(AcdPolicies.Admin);
        group.MapPost("/ready", Ready).RequireAuthorization(AcdPolicies.Admin);
        group.MapPost("/classify", Classify).RequireAuthorization(AcdPolicies.Admin);
        group.MapGet("/statistics", Statistics).RequireAuthorization(AcdPolicies.Supervisor);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Login(string id, LoginRequest? body, AcdRuntime runtime) =>
        Answer(await runtime.RunAsync(e => new AcdResult(e.Login(id, body?.Extension, body?.Services).Error)));

    public static async Task<Results<NoContent, ProblemHttpResult>> Logout(string id, AcdRuntime runtime) =>
        Answer(await runtime.RunAsync(e => e.Logout(id)));

    public static async Task<Results<NoContent, ProblemHttpResult>> Pause(string id, PauseRequest body, AcdRuntime runtime) =>
        Answer(await runtime.RunAsync(e => e.Pause(id, body.Reason ?? "")));

    public static async Task<Results<NoContent, ProblemHttpResult>> Ready(string id, AcdRuntime runtime) =>
        Answer(await runtime.RunAsync(e => e.Ready(id)));

    public static async Task<Results<NoContent, ProblemHttpResult>> Classify(string id, ClassifyRequest body, AcdRuntime runtime) =>
        Answer(await runtime.RunAsync(e => e.Classify(id, body.InteractionId ?? "", body.Disposition ?? "")));

    public static async Task<Results<Ok<AgentStatistics>, ProblemHttpResult>> Statistics(string id, AcdRuntime runtime)
    {
        var statistics = await runtime.RunAsync(e => e.GetAgentStatistics(id));
        return statistics != null ? TypedResults.Ok(statistics) : AcdProblems.From(AcdErrors.AgentNotFound(id));
    }

    private static Results<NoContent, ProblemHttpResult> Answer(AcdResult result) =>
        result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
}
