using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Alarms;

/// <summary>Active alarms and their acknowledgement (who: the authenticated user).</summary>
public static class AlarmEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/alarms").WithTags("ACD alarms");
        group.MapGet("/", ListActiveAlarms).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/{id}/acknowledge", AcknowledgeAlarm).RequireAuthorization(AcdPolicies.Supervisor);
    }

    public static async Task<Ok<Alarm[]>> ListActiveAlarms(AcdRuntime runtime) =>
        TypedResults.Ok(await runtime.RunAsync(e => e.ActiveAlarms.Values.OrderBy(a => a.RaisedAt).ToArray()));

    public static async Task<Results<Ok<Alarm>, ProblemHttpResult>> AcknowledgeAlarm(string id, HttpContext context, AcdRuntime runtime)
    {
        var by = context.User.Identity?.Name ?? "unknown";
        var result = await runtime.RunAsync(e => e.AcknowledgeAlarm(id, by));
        return result.IsSuccess ? TypedResults.Ok(result.Value) : AcdProblems.From(result.Error);
    }
}
