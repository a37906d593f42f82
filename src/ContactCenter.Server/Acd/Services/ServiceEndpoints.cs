using ContactCenter.Acd;
using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContactCenter.Server.Acd.Services;

/// <summary>Services: list, get, create, update, delete (refused while in use), and real-time statistics.</summary>
public static class ServiceEndpoints
{
    public static void Map(RouteGroupBuilder acd)
    {
        var group = acd.MapGroup("/services").WithTags("ACD services");
        group.MapGet("/", ListServices).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}", GetService).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapGet("/{id}/statistics", GetServiceStatistics).RequireAuthorization(AcdPolicies.Supervisor);
        group.MapPost("/", CreateService).RequireAuthorization(AcdPolicies.Admin);
        group.MapPut("/{id}", UpdateService).RequireAuthorization(AcdPolicies.Admin);
        group.MapDelete("/{id}", DeleteService).RequireAuthorization(AcdPolicies.Admin);
    }

    public static async Task<Ok<ServiceRequest[]>> ListServices(AcdAdministration admin) =>
        TypedResults.Ok((await admin.CurrentAsync()).Services.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(ToResponse).ToArray());

    public static async Task<Results<Ok<ServiceRequest>, ProblemHttpResult>> GetService(string id, AcdAdministration admin) =>
        (await admin.CurrentAsync()).Services.TryGetValue(id, out var service)
            ? TypedResults.Ok(ToResponse(service))
            : AcdProblems.From(AcdErrors.ServiceNotFound(id));

    public static async Task<Results<Ok<ServiceStatistics>, ProblemHttpResult>> GetServiceStatistics(string id, AcdRuntime runtime) =>
        await runtime.RunAsync(e => e.GetServiceStatistics(id)) is { } statistics
            ? TypedResults.Ok(statistics)
            : AcdProblems.From(AcdErrors.ServiceNotFound(id));

    public static async Task<Results<Created<ServiceRequest>, ProblemHttpResult>> CreateService(ServiceRequest body, AcdAdministration admin)
    {
        var (service, error) = ToDefinition(body.Id, body);
        if (error != null) return AcdProblems.Invalid(error);
        var result = await admin.SaveServiceAsync(service!, create: true);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/acd/services/{service!.Id}", ToResponse(service)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<Ok<ServiceRequest>, ProblemHttpResult>> UpdateService(string id, ServiceRequest body, AcdAdministration admin)
    {
        if (body.Id != null && body.Id != id) return AcdProblems.Invalid("The id in the body differs from the one in the path.");
        var (service, error) = ToDefinition(id, body);
        if (error != null) return AcdProblems.Invalid(error);
        var result = await admin.SaveServiceAsync(service!, create: false);
        return result.IsSuccess ? TypedResults.Ok(ToResponse(service!)) : AcdProblems.From(result.Error);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteService(string id, AcdAdministration admin)
    {
        var result = await admin.DeleteServiceAsync(id);
        return result.IsSuccess ? TypedResults.NoContent() : AcdProblems.From(result.Error);
    }

    private static (ServiceDefinition?, string?) ToDefinition(string? id, ServiceRequest body)
    {
        if (!MediaTypes.TryParse(body.Media, out var media)) return (null, "media must be one of: voice, chat, email, sms.");
        if (!EnumNames.TryParse<AnswerMode>(body.AnswerMode, out var answerMode)) return (null, $"answerMode must be one of: {EnumNames.Expected<AnswerMode>()}.");
        if (!EnumNames.TryParse<RoutingStrategy>(body.Strategy, out var strategy)) return (null, $"strategy must be one of: {EnumNames.Expected<RoutingStrategy>()}.");
        var permissions = body.Permissions ?? new PermissionsDto();
        var announcements = body.Announcements ?? new AnnouncementsDto();
        return (new ServiceDefinition(id ?? "", body.Name ?? "", media.Value, body.EntryPoints ?? [], answerMode, body.AnswerDelaySeconds,
            body.OfferTimeoutSeconds, new ServiceTimes(body.ClassificationSeconds, body.PostCallSeconds, body.PreviewExpectedSeconds),
            new AgentPermissions(permissions.Consult, permissions.Transfer, permissions.Conference),
            (body.Profile ?? []).Select(p => new SkillRequirement(p.SkillId ?? "", p.MinimumLevel)).ToList(),
            strategy, body.Priority, body.MaxQueueLength, body.MaxWaitSeconds, body.OverflowServiceId, body.ServiceLevelSeconds,
            new QueueAnnouncements(announcements.Position, announcements.ExpectedWait, announcements.IntervalSeconds), body.Dispositions ?? [],
            body.Record), null);
    }

    private static ServiceRequest ToResponse(ServiceDefinition s) => new(
        s.Id, s.Name, s.Media.Name(), s.EntryPoints, EnumNames.Name(s.AnswerMode), s.AnswerDelaySeconds, s.OfferTimeoutSeconds,
        s.Times.ClassificationSeconds, s.Times.PostCallSeconds, s.Times.PreviewExpectedSeconds,
        new PermissionsDto(s.Permissions.Consult, s.Permissions.Transfer, s.Permissions.Conference),
        s.Profile.Select(p => new SkillRequirementDto(p.SkillId, p.MinimumLevel)).ToList(), EnumNames.Name(s.Strategy), s.Priority,
        s.MaxQueueLength, s.MaxWaitSeconds, s.OverflowServiceId, s.ServiceLevelSeconds,
        new AnnouncementsDto(s.Announcements.Position, s.Announcements.ExpectedWait, s.Announcements.IntervalSeconds), s.Dispositions, s.Record);
}
