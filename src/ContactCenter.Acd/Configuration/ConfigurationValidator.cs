using System.Text.RegularExpressions;

namespace ContactCenter.Acd.Configuration;

/// <summary>
/// Checks one definition against the rest of the configuration; the first problem is returned as a typed error so the
/// admin API can answer it with a stable code (<c>unknown_skill</c>, <c>validation_failed</c>...).
/// </summary>
public static partial class ConfigurationValidator
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;

    public static AcdError? ValidateId(string? id, string what)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !IdPattern().IsMatch(id))
            return AcdErrors.Invalid($"The {what} id must be 1–{MaxIdLength} characters of letters, digits, '.', '_' or '-'.");
        return null;
    }

    public static AcdError? ValidateName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            return AcdErrors.Invalid($"The {what} name must be 1–{MaxNameLength} characters.");
        return null;
    }

    public static AcdError? Validate(AgentDefinition agent, AcdConfiguration configuration)
    {
        if (ValidateId(agent.Id, "agent") is { } idError) return idError;
        if (ValidateName(agent.Name, "agent") is { } nameError) return nameError;
        if (ValidateId(agent.Login, "login") is { } loginError) return loginError;
        if (string.IsNullOrEmpty(agent.Extension) || agent.Extension.Length > MaxIdLength || !ExtensionPattern().IsMatch(agent.Extension))
            return AcdErrors.Invalid("The extension must be 1–64 characters of letters, digits, '.', '_', '-' or '+'.");
        foreach (var skill in agent.Skills)
        {
            if (!configuration.Skills.ContainsKey(skill.SkillId)) return AcdErrors.UnknownSkill(skill.SkillId);
            if (skill.Level is < 0 or > SkillLevel.Max) return AcdErrors.Invalid($"Skill level of '{skill.SkillId}' must be 0–{SkillLevel.Max}.");
        }
        if (agent.Skills.Select(s => s.SkillId).Distinct(StringComparer.Ordinal).Count() != agent.Skills.Count)
            return AcdErrors.Invalid("A skill is listed twice.");
        var capacity = agent.Capacity;
        if (capacity.Voice is < 0 or > 1) return AcdErrors.Invalid("Voice capacity must be 0 or 1.");
        foreach (var digital in new[] { capacity.Chat, capacity.Email, capacity.Sms })
            if (digital is < 0 or > MediaCapacity.MaxDigital) return AcdErrors.Invalid($"Chat, e-mail and SMS capacity must be 0–{MediaCapacity.MaxDigital}.");
        foreach (var serviceId in agent.Services)
            if (!configuration.Services.ContainsKey(serviceId)) return AcdErrors.ServiceNotFound(serviceId);
        var sameLogin = configuration.Agents.Values.FirstOrDefault(a => a.Id != agent.Id && string.Equals(a.Login, agent.Login, StringComparison.OrdinalIgnoreCase));
        if (sameLogin != null) return AcdErrors.Duplicate("login", agent.Login);
        return null;
    }

    public static AcdError? Validate(ServiceDefinition service, AcdConfiguration configuration)
    {
        if (ValidateId(service.Id, "service") is { } idError) return idError;
        if (ValidateName(service.Name, "service") is { } nameError) return nameError;
        foreach (var requirement in service.Profile)
        {
            if (!configuration.Skills.ContainsKey(requirement.SkillId)) return AcdErrors.UnknownSkill(requirement.SkillId);
            if (requirement.MinimumLevel is < 0 or > SkillLevel.Max)
                return AcdErrors.Invalid($"Minimum level of '{requirement.SkillId}' must be 0–{SkillLevel.Max}.");
        }
        foreach (var dispositionId in service.Dispositions)
            if (!configuration.Dispositions.ContainsKey(dispositionId))
                return AcdErrors.NotFound(AcdErrors.DispositionNotFoundCode, "disposition", dispositionId);
        if (Seconds(service.AnswerDelaySeconds, "answerDelaySeconds") is { } e1) return e1;
        if (service.OfferTimeoutSeconds is < 1 or > 600) return AcdErrors.Invalid("offerTimeoutSeconds must be 1–600.");
        if (Seconds(service.Times.ClassificationSeconds, "classificationSeconds") is { } e2) return e2;
        if (Seconds(service.Times.PostCallSeconds, "postCallSeconds") is { } e3) return e3;
        if (Seconds(service.Times.PreviewExpectedSeconds, "previewExpectedSeconds") is { } e4) return e4;
        if (Seconds(service.MaxWaitSeconds, "maxWaitSeconds") is { } e5) return e5;
        if (Seconds(service.ServiceLevelSeconds, "serviceLevelSeconds") is { } e6) return e6;
        if (service.ServiceLevelSeconds == 0) return AcdErrors.Invalid("serviceLevelSeconds must be at least 1.");
        if (service.Priority is < 0 or > ServiceDefinition.MaxPriority) return AcdErrors.Invalid($"priority must be 0–{ServiceDefinition.MaxPriority}.");
        if (service.Announcements.IntervalSeconds is < QueueAnnouncements.MinIntervalSeconds or > QueueAnnouncements.MaxIntervalSeconds)
            return AcdErrors.Invalid($"announcements.intervalSeconds must be {QueueAnnouncements.MinIntervalSeconds}–{QueueAnnouncements.MaxIntervalSeconds}.");
        if (service.MaxQueueLength is < 0 or > 100_000) return AcdErrors.Invalid("maxQueueLength must be 0 (unlimited) to 100000.");
        if (service.OverflowServiceId != null)
        {
            if (service.OverflowServiceId == service.Id) return AcdErrors.Invalid("A service cannot overflow to itself.");
            if (!configuration.Services.TryGetValue(service.OverflowServiceId, out var target)) return AcdErrors.ServiceNotFound(service.OverflowServiceId);
            if (target.Media != service.Media) return AcdErrors.Invalid("The overflow service must have the same media type.");
        }
        foreach (var entryPoint in service.EntryPoints)
        {
            if (string.IsNullOrEmpty(entryPoint) || entryPoint.Length > MaxIdLength || !ExtensionPattern().IsMatch(entryPoint))
                return AcdErrors.Invalid($"Entry point '{entryPoint}' must be 1–64 characters of letters, digits, '.', '_', '-' or '+'.");
            if (configuration.ServicesByEntryPoint.TryGetValue(entryPoint, out var other) && other.Id != service.Id)
                return AcdErrors.Duplicate("entry point", entryPoint);
        }
        return null;
    }

    private static AcdError? Seconds(int value, string name) =>
        value is < 0 or > ServiceTimes.MaxSeconds ? AcdErrors.Invalid($"{name} must be 0–{ServiceTimes.MaxSeconds}.") : null;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9._+-]+$")]
    private static partial Regex ExtensionPattern();
}
