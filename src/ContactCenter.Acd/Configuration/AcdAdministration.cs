using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Storage;

namespace ContactCenter.Acd.Configuration;

/// <summary>
/// Changes the configuration: validate against the current snapshot, persist, then swap the new snapshot into the
/// routing loop. Writes are serialized so two admins cannot validate against the same stale snapshot.
/// </summary>
public sealed class AcdAdministration(AcdConfigurationStore store, AcdRuntime runtime)
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    public Task<AcdConfiguration> CurrentAsync() => runtime.RunAsync(e => e.Configuration);

    public Task<AcdResult> SaveSkillAsync(Skill skill, bool create) => WriteAsync(config =>
    {
        if (Existence(config.Skills.ContainsKey(skill.Id), create, AcdErrors.SkillNotFoundCode, "skill", skill.Id) is { } e) return e;
        if ((ConfigurationValidator.ValidateId(skill.Id, "skill") ?? ConfigurationValidator.ValidateName(skill.Name, "skill")) is { } invalid) return invalid;
        store.Save(skill);
        return config.With(skills: Replace(config.Skills.Values, skill, s => s.Id));
    });

    public Task<AcdResult> SavePauseReasonAsync(PauseReason reason, bool create) => WriteAsync(config =>
    {
        if (Existence(config.PauseReasons.ContainsKey(reason.Id), create, AcdErrors.PauseReasonNotFoundCode, "pause reason", reason.Id) is { } e) return e;
        if ((ConfigurationValidator.ValidateId(reason.Id, "pause reason") ?? ConfigurationValidator.ValidateName(reason.Name, "pause reason")) is { } invalid) return invalid;
        if (reason.Id == PauseReason.Rona) return AcdErrors.Invalid("'rona' is reserved for the ACD.");
        store.Save(reason);
        return config.With(pauseReasons: Replace(config.PauseReasons.Values, reason, r => r.Id));
    });

    public Task<AcdResult> SaveDispositionAsync(Disposition disposition, bool create) => WriteAsync(config =>
    {
        if (Existence(config.Dispositions.ContainsKey(disposition.Id), create, AcdErrors.DispositionNotFoundCode, "disposition", disposition.Id) is { } e) return e;
        if ((ConfigurationValidator.ValidateId(disposition.Id, "disposition") ?? ConfigurationValidator.ValidateName(disposition.Name, "disposition")) is { } invalid) return invalid;
        if (disposition.Id == Disposition.Unclassified) return AcdErrors.Invalid("'unclassified' is reserved for the ACD.");
        store.Save(disposition);
        return config.With(dispositions: Replace(config.Dispositions.Values, disposition, d => d.Id));
    });

    public Task<AcdResult> SaveServiceAsync(ServiceDefinition service, bool create) => WriteAsync(config =>
    {
        if (Existence(config.Services.ContainsKey(service.Id), create, AcdErrors.ServiceNotFoundCode, "service", service.Id) is { } e) return e;
        if (ConfigurationValidator.Validate(service, config) is { } invalid) return invalid;
        if (!create && config.Services[service.Id].Media != service.Media) return AcdErrors.Invalid("A service's media type cannot change.");
        store.Save(service);
        return config.With(services: Replace(config.Services.Values, service, s => s.Id));
    });

    public Task<AcdResult> SaveAgentAsync(AgentDefinition agent, bool create) => WriteAsync(config =>
    {
        if (Existence(config.Agents.ContainsKey(agent.Id), create, AcdErrors.AgentNotFoundCode, "agent", agent.Id) is { } e) return e;
        if (ConfigurationValidator.Validate(agent, config) is { } invalid) return invalid;
        store.Save(agent);
        return config.With(agents: Replace(config.Agents.Values, agent, a => a.Id));
    });

    public Task<AcdResult> SaveAlarmRuleAsync(AlarmRule rule, bool create) => WriteAsync(config =>
    {
        if (Existence(config.AlarmRules.ContainsKey(rule.Id), create, AcdErrors.AlarmRuleNotFoundCode, "alarm rule", rule.Id) is { } e) return e;
        if (rule.Validate() is { } invalid) return invalid;
        if (rule.ScopeId != null && rule.Scope == AlarmScope.Service && !config.Services.ContainsKey(rule.ScopeId)) return AcdErrors.ServiceNotFound(rule.ScopeId);
        if (rule.ScopeId != null && rule.Scope == AlarmScope.Agent && !config.Agents.ContainsKey(rule.ScopeId)) return AcdErrors.AgentNotFound(rule.ScopeId);
        store.Save(rule);
        return config.With(alarmRules: Replace(config.AlarmRules.Values, rule, r => r.Id));
    });

    public Task<AcdResult> DeleteSkillAsync(string id) => WriteAsync(config =>
    {
        if (!config.Skills.ContainsKey(id)) return AcdErrors.NotFound(AcdErrors.SkillNotFoundCode, "skill", id);
        if (config.Agents.Values.FirstOrDefault(a => a.Skills.Any(s => s.SkillId == id)) is { } agent) return AcdErrors.InUse("skill", id, $"agent '{agent.Id}'");
        if (config.Services.Values.FirstOrDefault(s => s.Profile.Any(p => p.SkillId == id)) is { } service) return AcdErrors.InUse("skill", id, $"service '{service.Id}'");
        store.Delete(AcdConfigurationStore.Skills, id);
        return config.With(skills: config.Skills.Values.Where(s => s.Id != id));
    });

    public Task<AcdResult> DeletePauseReasonAsync(string id) => WriteAsync(config =>
    {
        if (!config.PauseReasons.ContainsKey(id)) return AcdErrors.NotFound(AcdErrors.PauseReasonNotFoundCode, "pause reason", id);
        store.Delete(AcdConfigurationStore.PauseReasons, id);
        return config.With(pauseReasons: config.PauseReasons.Values.Where(r => r.Id != id));
    });

    public Task<AcdResult> DeleteDispositionAsync(string id) => WriteAsync(config =>
    {
        if (!config.Dispositions.ContainsKey(id)) return AcdErrors.NotFound(AcdErrors.DispositionNotFoundCode, "disposition", id);
        if (config.Services.Values.FirstOrDefault(s => s.Dispositions.Contains(id)) is { } service) return AcdErrors.InUse("disposition", id, $"service '{service.Id}'");
        store.Delete(AcdConfigurationStore.Dispositions, id);
        return config.With(dispositions: config.Dispositions.Values.Where(d => d.Id != id));
    });

    public async Task<AcdResult> DeleteServiceAsync(string id)
    {
        var waiting = await runtime.RunAsync(e => e.GetServiceStatistics(id)?.Waiting ?? 0);
        return await WriteAsync(config =>
        {
            if (!config.Services.ContainsKey(id)) return AcdErrors.ServiceNotFound(id);
            if (waiting > 0) return AcdErrors.InUse("service", id, $"{waiting} waiting interaction(s)");
            if (config.Services.Values.FirstOrDefault(s => s.OverflowServiceId == id) is { } other) return AcdErrors.InUse("service", id, $"the overflow of service '{other.Id}'");
            if (config.Agents.Values.FirstOrDefault(a => a.Services.Contains(id)) is { } agent) return AcdErrors.InUse("service", id, $"agent '{agent.Id}'");
            if (config.AlarmRules.Values.FirstOrDefault(r => r.Scope == AlarmScope.Service && r.ScopeId == id) is { } rule) return AcdErrors.InUse("service", id, $"alarm rule '{rule.Id}'");
            store.Delete(AcdConfigurationStore.Services, id);
            return config.With(services: config.Services.Values.Where(s => s.Id != id));
        });
    }

    public async Task<AcdResult> DeleteAgentAsync(string id)
    {
        var loggedIn = await runtime.RunAsync(e => e.Agents.TryGetValue(id, out var session) && session.IsLoggedIn);
        return await WriteAsync(config =>
        {
            if (!config.Agents.ContainsKey(id)) return AcdErrors.AgentNotFound(id);
            if (loggedIn) return AcdErrors.InUse("agent", id, "its own session (log it out first)");
            if (config.AlarmRules.Values.FirstOrDefault(r => r.Scope == AlarmScope.Agent && r.ScopeId == id) is { } rule) return AcdErrors.InUse("agent", id, $"alarm rule '{rule.Id}'");
            store.Delete(AcdConfigurationStore.Agents, id);
            return config.With(agents: config.Agents.Values.Where(a => a.Id != id));
        });
    }

    public Task<AcdResult> DeleteAlarmRuleAsync(string id) => WriteAsync(config =>
    {
        if (!config.AlarmRules.ContainsKey(id)) return AcdErrors.NotFound(AcdErrors.AlarmRuleNotFoundCode, "alarm rule", id);
        store.Delete(AcdConfigurationStore.AlarmRules, id);
        return config.With(alarmRules: config.AlarmRules.Values.Where(r => r.Id != id));
    });

    private static AcdError? Existence(bool exists, bool create, string notFoundCode, string kind, string id) =>
        create && exists ? AcdErrors.Duplicate(kind, id)
        : !create && !exists ? AcdErrors.NotFound(notFoundCode, kind, id)
        : null;

    private static IEnumerable<T> Replace<T>(IEnumerable<T> existing, T item, Func<T, string> id) =>
        existing.Where(x => id(x) != id(item)).Append(item);

    /// <summary>Runs one change: <paramref name="change"/> returns the new snapshot or an error (nothing written).</summary>
    private async Task<AcdResult> WriteAsync(Func<AcdConfiguration, OneOf> change)
    {
        await _writes.WaitAsync();
        try
        {
            var current = await runtime.RunAsync(e => e.Configuration);
            var outcome = change(current);
            if (outcome.Error != null) return outcome.Error;
            await runtime.RunAsync(e =>
            {
                e.ApplyConfiguration(outcome.Configuration!);
                return true;
            });
            return AcdResult.Ok;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>A new configuration or the reason there is none.</summary>
    private readonly record struct OneOf(AcdConfiguration? Configuration, AcdError? Error)
    {
        public static implicit operator OneOf(AcdConfiguration configuration) => new(configuration, null);
        public static implicit operator OneOf(AcdError error) => new(null, error);
    }
}
