using ContactCenter.Acd.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Catalog;

/// <summary>Pause reasons: list, get, create, update, delete.</summary>
public static class PauseReasonEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/pause-reasons").WithTags("ACD pause reasons");
        group.MapGet("/", ListPauseReasons).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetPauseReason).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreatePauseReason).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdatePauseReason).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeletePauseReason).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<NamedItemResponse[]>> ListPauseReasons(AcdAdministration admin) =>
        TypedResults.Ok((await admin.CurrentAsync()).PauseReasons.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new NamedItemResponse(s.Id, s.Name)).ToArray());

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> GetPauseReason(string id, AcdAdministration admin) =>
        (await admin.CurrentAsync()).PauseReasons.TryGetValue(id, out var reason)
            ? TypedResults.Ok(new NamedItemResponse(reason.Id, reason.Name))
            : AcdProblems.From(ContactCenter.Acd.AcdErrors.NotFound(ContactCenter.Acd.AcdErrors.PauseReasonNotFoundCode, "pause reason", id));

    public static async Task<Results<Created<NamedItemResponse>, ProblemHttpResult>> CreatePauseReason(NamedItemRequest body, AcdAdministration admin)
    {
        var reason = new PauseReason(body.Id ?? "", body.Name ?? "");
        var result = await admin.SavePauseReasonAsync(reason, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/pause-reasons/{reason.Id}", new NamedItemResponse(reason.Id, reason.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> UpdatePauseReason(string id, NamedItemRequest body, AcdAdministration admin)
    {
        var reason = new PauseReason(id, body.Name ?? "");
        var result = await admin.SavePauseReasonAsync(reason, create: false);
        return result.IsSuccess ? TypedResults.Ok(new NamedItemResponse(reason.Id, reason.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePauseReason(string id, AcdAdministration admin)
    {
        var result = await admin.DeletePauseReasonAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }
}
