using ContactCenter.Acd.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Catalog;

/// <summary>Dispositions: list, get, create, update, delete (refused while a service lists it).</summary>
public static class DispositionEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/dispositions").WithTags("ACD dispositions");
        group.MapGet("/", ListDispositions).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetDisposition).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreateDisposition).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdateDisposition).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeleteDisposition).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<NamedItemResponse[]>> ListDispositions(AcdAdministration admin) =>
        TypedResults.Ok((await admin.CurrentAsync()).Dispositions.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new NamedItemResponse(s.Id, s.Name)).ToArray());

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> GetDisposition(string id, AcdAdministration admin) =>
        (await admin.CurrentAsync()).Dispositions.TryGetValue(id, out var disposition)
            ? TypedResults.Ok(new NamedItemResponse(disposition.Id, disposition.Name))
            : AcdProblems.From(ContactCenter.Acd.AcdErrors.NotFound(ContactCenter.Acd.AcdErrors.DispositionNotFoundCode, "disposition", id));

    public static async Task<Results<Created<NamedItemResponse>, ProblemHttpResult>> CreateDisposition(NamedItemRequest body, AcdAdministration admin)
    {
        var disposition = new Disposition(body.Id ?? "", body.Name ?? "");
        var result = await admin.SaveDispositionAsync(disposition, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/dispositions/{disposition.Id}", new NamedItemResponse(disposition.Id, disposition.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> UpdateDisposition(string id, NamedItemRequest body, AcdAdministration admin)
    {
        var disposition = new Disposition(id, body.Name ?? "");
        var result = await admin.SaveDispositionAsync(disposition, create: false);
        return result.IsSuccess ? TypedResults.Ok(new NamedItemResponse(disposition.Id, disposition.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDisposition(string id, AcdAdministration admin)
    {
        var result = await admin.DeleteDispositionAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }
}
