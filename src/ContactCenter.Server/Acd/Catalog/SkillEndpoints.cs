using ContactCenter.Acd.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Catalog;

/// <summary>Skills: list, get, create, update, delete (refused while an agent or a service uses the skill).</summary>
public static class SkillEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/skills").WithTags("ACD skills");
        group.MapGet("/", ListSkills).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetSkill).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreateSkill).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdateSkill).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeleteSkill).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<NamedItemResponse[]>> ListSkills(AcdAdministration admin) =>
        TypedResults.Ok((await admin.CurrentAsync()).Skills.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => new NamedItemResponse(s.Id, s.Name)).ToArray());

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> GetSkill(string id, AcdAdministration admin) =>
        (await admin.CurrentAsync()).Skills.TryGetValue(id, out var skill)
            ? TypedResults.Ok(new NamedItemResponse(skill.Id, skill.Name))
            : AcdProblems.From(ContactCenter.Acd.AcdErrors.NotFound(ContactCenter.Acd.AcdErrors.SkillNotFoundCode, "skill", id));

    public static async Task<Results<Created<NamedItemResponse>, ProblemHttpResult>> CreateSkill(NamedItemRequest body, AcdAdministration admin)
    {
        var skill = new Skill(body.Id ?? "", body.Name ?? "");
        var result = await admin.SaveSkillAsync(skill, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/skills/{skill.Id}", new NamedItemResponse(skill.Id, skill.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<NamedItemResponse>, ProblemHttpResult>> UpdateSkill(string id, NamedItemRequest body, AcdAdministration admin)
    {
        var skill = new Skill(id, body.Name ?? "");
        var result = await admin.SaveSkillAsync(skill, create: false);
        return result.IsSuccess ? TypedResults.Ok(new NamedItemResponse(skill.Id, skill.Name)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSkill(string id, AcdAdministration admin)
    {
        var result = await admin.DeleteSkillAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }
}
