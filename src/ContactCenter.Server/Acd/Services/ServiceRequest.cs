namespace ContactCenter.Server.Acd.Services;

/// <summary>Body of service writes (ACD-01/02); omitted fields take the defaults shown.</summary>
public sealed record ServiceRequest(
    string? Id,
    string? Name,
    string Media = "voice",
    IReadOnlyList<string>? EntryPoints = null,
    string AnswerMode = "manual",
    int AnswerDelaySeconds = 0,
    int OfferTimeoutSeconds = 20,
    int ClassificationSeconds = 0,
    int PostCallSeconds = 0,
    int PreviewExpectedSeconds = 0,
    PermissionsDto? Permissions = null,
    IReadOnlyList<SkillRequirementDto>? Profile = null,
    string Strategy = "longest_idle",
    int Priority = 0,
    int MaxQueueLength = 0,
    int MaxWaitSeconds = 0,
    string? OverflowServiceId = null,
    int ServiceLevelSeconds = 20,
    AnnouncementsDto? Announcements = null,
    IReadOnlyList<string>? Dispositions = null,
    bool Record = false);

public sealed record PermissionsDto(bool Consult = true, bool Transfer = true, bool Conference = false);

public sealed record SkillRequirementDto(string SkillId, int MinimumLevel);

public sealed record AnnouncementsDto(bool Position = false, bool ExpectedWait = false, int IntervalSeconds = 30);
