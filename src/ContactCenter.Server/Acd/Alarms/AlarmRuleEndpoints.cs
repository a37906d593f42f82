using ContactCenter.Acd;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Alarms;

/// <summary>Alarm rules: list, get, create, update, delete.</summary>
public static class AlarmRuleEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/alarm-rules").WithTags("ACD alarm rules");
        group.MapGet("/", ListAlarmRules).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetAlarmRule).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreateAlarmRule).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdateAlarmRule).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeleteAlarmRule).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<AlarmRuleRequest[]>> ListAlarmRules(AcdAdministration admin) =>
        TypedResults.Ok((await admin.CurrentAsync()).AlarmRules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(ToResponse).ToArray());

    public static async Task<Results<Ok<AlarmRuleRequest>, ProblemHttpResult>> GetAlarmRule(string id, AcdAdministration admin) =>
        (await admin.CurrentAsync()).AlarmRules.TryGetValue(id, out var rule)
            ? TypedResults.Ok(ToResponse(rule))
            : AcdProblems.From(AcdErrors.NotFound(AcdErrors.AlarmRuleNotFoundCode, "alarm rule", id));

    public static async Task<Results<Created<AlarmRuleRequest>, ProblemHttpResult>> CreateAlarmRule(AlarmRuleRequest body, AcdAdministration admin)
    {
        var (rule, error) = ToRule(body.Id, body);
        if (error != null) return AcdProblems.Invalid(error);
        var result = await admin.SaveAlarmRuleAsync(rule!, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/alarm-rules/{rule!.Id}", ToResponse(rule)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<AlarmRuleRequest>, ProblemHttpResult>> UpdateAlarmRule(string id, AlarmRuleRequest body, AcdAdministration admin)
    {
        if (body.Id != null && body.Id != id) return AcdProblems.Invalid("The id in the body differs from the one in the path.");
        var (rule, error) = ToRule(id, body);
        if (error != null) return AcdProblems.Invalid(error);
        var result = await admin.SaveAlarmRuleAsync(rule!, create: false);
        return result.IsSuccess ? TypedResults.Ok(ToResponse(rule!)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAlarmRule(string id, AcdAdministration admin)
    {
        var result = await admin.DeleteAlarmRuleAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }

    private static (AlarmRule?, string?) ToRule(string? id, AlarmRuleRequest body)
    {
        if (!EnumNames.TryParse<AlarmScope>(body.Scope, out var scope)) return (null, $"scope must be one of: {EnumNames.Expected<AlarmScope>()}.");
        if (!EnumNames.TryParse<AlarmComparison>(body.Comparison, out var comparison)) return (null, $"comparison must be one of: {EnumNames.Expected<AlarmComparison>()}.");
        if (!EnumNames.TryParse<AlarmSeverity>(body.Severity, out var severity)) return (null, $"severity must be one of: {EnumNames.Expected<AlarmSeverity>()}.");
        return (new AlarmRule(id ?? "", body.Name ?? "", body.Metric ?? "", scope, body.ScopeId, comparison, body.Threshold,
            body.ClearThreshold ?? body.Threshold, body.DurationSeconds, severity, body.Enabled), null);
    }

    private static AlarmRuleRequest ToResponse(AlarmRule r) => new(r.Id, r.Name, r.Metric, EnumNames.Name(r.Scope), r.ScopeId,
        EnumNames.Name(r.Comparison), r.Threshold, r.ClearThreshold, r.DurationSeconds, EnumNames.Name(r.Severity), r.Enabled);
}
