using System.Collections.Frozen;
using ContactCenter.Acd.Alarms;

namespace ContactCenter.Acd.Configuration;

/// <summary>
/// An immutable snapshot of the whole ACD configuration. The engine swaps snapshots atomically on its loop, so a routing
/// decision never sees half an update.
/// </summary>
public sealed class AcdConfiguration
{
    public static AcdConfiguration Empty { get; } = new([], [], [], [], [], []);

    public AcdConfiguration(
        IEnumerable<Skill> skills,
        IEnumerable<AgentDefinition> agents,
        IEnumerable<ServiceDefinition> services,
        IEnumerable<PauseReason> pauseReasons,
        IEnumerable<Disposition> dispositions,
        IEnumerable<AlarmRule> alarmRules)
    {
        Skills = skills.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        Agents = agents.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        Services = services.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        PauseReasons = pauseReasons.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        Dispositions = dispositions.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        AlarmRules = alarmRules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        ServicesByEntryPoint = Services.Values
            .SelectMany(s => s.EntryPoints.Select(e => (EntryPoint: e, Service: s)))
            .GroupBy(x => x.EntryPoint, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Service, StringComparer.Ordinal);
    }

    public FrozenDictionary<string, Skill> Skills { get; }
    public FrozenDictionary<string, AgentDefinition> Agents { get; }
    public FrozenDictionary<string, ServiceDefinition> Services { get; }
    public FrozenDictionary<string, PauseReason> PauseReasons { get; }
    public FrozenDictionary<string, Disposition> Dispositions { get; }
    public FrozenDictionary<string, AlarmRule> AlarmRules { get; }

    /// <summary>The service a DID leads to.</summary>
    public FrozenDictionary<string, ServiceDefinition> ServicesByEntryPoint { get; }

    public AcdConfiguration With(
        IEnumerable<Skill>? skills = null,
        IEnumerable<AgentDefinition>? agents = null,
        IEnumerable<ServiceDefinition>? services = null,
        IEnumerable<PauseReason>? pauseReasons = null,
        IEnumerable<Disposition>? dispositions = null,
        IEnumerable<AlarmRule>? alarmRules = null) =>
        new(skills ?? Skills.Values, agents ?? Agents.Values, services ?? Services.Values,
            pauseReasons ?? PauseReasons.Values, dispositions ?? Dispositions.Values, alarmRules ?? AlarmRules.Values);
}
