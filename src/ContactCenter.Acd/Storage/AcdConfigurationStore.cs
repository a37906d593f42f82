using System.Text.Json;
using ContactCenter.Acd.Alarms;
using ContactCenter.Acd.Configuration;
using ContactCenter.Storage;
using Dapper;

namespace ContactCenter.Acd.Storage;

/// <summary>The ACD configuration in the embedded store: load it whole at start, write one definition at a time.</summary>
public sealed class AcdConfigurationStore(IDbConnectionFactory connections, TimeProvider time)
{
    public const string Module = "acd";

    public static IReadOnlyList<Migration> Migrations { get; } =
        EmbeddedMigrations.FromAssembly(typeof(AcdConfigurationStore).Assembly, Module, "Storage.Migrations");

    internal const string Skills = "acd_skills";
    internal const string Agents = "acd_agents";
    internal const string Services = "acd_services";
    internal const string PauseReasons = "acd_pause_reasons";
    internal const string Dispositions = "acd_dispositions";
    internal const string AlarmRules = "acd_alarm_rules";

    public AcdConfiguration Load()
    {
        using var connection = connections.Open();
        List<T> Read<T>(string table) =>
            connection.Query<string>($"SELECT definition FROM {table} ORDER BY id")
                .Select(json => JsonSerializer.Deserialize<T>(json, AcdJson.Options)!)
                .ToList();
        return new AcdConfiguration(Read<Skill>(Skills), Read<AgentDefinition>(Agents), Read<ServiceDefinition>(Services),
            Read<PauseReason>(PauseReasons), Read<Disposition>(Dispositions), Read<AlarmRule>(AlarmRules));
    }

    /// <summary>True when no ACD definition of any kind exists (a fresh install: the demo may be loaded).</summary>
    public bool IsEmpty()
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>($"""
            SELECT (SELECT COUNT(*) FROM {Skills}) + (SELECT COUNT(*) FROM {Agents}) + (SELECT COUNT(*) FROM {Services})
                 + (SELECT COUNT(*) FROM {PauseReasons}) + (SELECT COUNT(*) FROM {Dispositions}) + (SELECT COUNT(*) FROM {AlarmRules})
            """) == 0;
    }

    public void Save(Skill skill) => Upsert(Skills, skill.Id, skill);
    public void Save(ServiceDefinition service) => Upsert(Services, service.Id, service);
    public void Save(PauseReason reason) => Upsert(PauseReasons, reason.Id, reason);
    public void Save(Disposition disposition) => Upsert(Dispositions, disposition.Id, disposition);
    public void Save(AlarmRule rule) => Upsert(AlarmRules, rule.Id, rule);

    public void Save(AgentDefinition agent)
    {
        using var connection = connections.Open();
        connection.Execute($"""
            INSERT INTO {Agents} (id, login, extension, definition, updated_at) VALUES (@Id, @Login, @Extension, @Definition, @At)
            ON CONFLICT (id) DO UPDATE SET login = excluded.login, extension = excluded.extension,
                definition = excluded.definition, updated_at = excluded.updated_at
            """, new { agent.Id, agent.Login, agent.Extension, Definition = JsonSerializer.Serialize(agent, AcdJson.Options), At = Stamp() });
    }

    /// <summary>Deletes a definition; false when there was none.</summary>
    public bool Delete(string table, string id)
    {
        using var connection = connections.Open();
        return connection.Execute($"DELETE FROM {table} WHERE id = @id", new { id }) > 0;
    }

    /// <summary>Writes a whole configuration in one transaction (the demo at first start).</summary>
    public void SaveAll(AcdConfiguration configuration)
    {
        foreach (var skill in configuration.Skills.Values) Save(skill);
        foreach (var reason in configuration.PauseReasons.Values) Save(reason);
        foreach (var disposition in configuration.Dispositions.Values) Save(disposition);
        foreach (var service in configuration.Services.Values) Save(service);
        foreach (var agent in configuration.Agents.Values) Save(agent);
        foreach (var rule in configuration.AlarmRules.Values) Save(rule);
    }

    private void Upsert<T>(string table, string id, T definition)
    {
        using var connection = connections.Open();
        connection.Execute($"""
            INSERT INTO {table} (id, definition, updated_at) VALUES (@id, @Definition, @At)
            ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
            """, new { id, Definition = JsonSerializer.Serialize(definition, AcdJson.Options), At = Stamp() });
    }

    private string Stamp() => time.GetUtcNow().ToString("O");
}
