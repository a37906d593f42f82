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
        WriteAgent(connection, null, agent);
    }

    private void WriteAgent(System.Data.IDbConnection connection, System.Data.IDbTransaction? transaction, AgentDefinition agent) =>
        connection.Execute($"""
            INSERT INTO {Agents} (id, login, extension, definition, updated_at) VALUES (@Id, @Login, @Extension, @Definition, @At)
            ON CONFLICT (id) DO UPDATE SET login = excluded.login, extension = excluded.extension,
                definition = excluded.definition, updated_at = excluded.updated_at
            """, new { agent.Id, agent.Login, agent.Extension, Definition = JsonSerializer.Serialize(agent, AcdJson.Options), At = Stamp() },
            transaction);

    /// <summary>Deletes a definition; false when there was none.</summary>
    public bool Delete(string table, string id)
    {
        using var connection = connections.Open();
        return connection.Execute($"DELETE FROM {table} WHERE id = @id", new { id }) > 0;
    }

    /// <summary>Writes a whole configuration in one transaction (the demo at first start).</summary>
    public void SaveAll(AcdConfiguration configuration)
    {
        using var connection = connections.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var skill in configuration.Skills.Values) WriteDefinition(connection, transaction, Skills, skill.Id, skill);
        foreach (var reason in configuration.PauseReasons.Values) WriteDefinition(connection, transaction, PauseReasons, reason.Id, reason);
        foreach (var disposition in configuration.Dispositions.Values) WriteDefinition(connection, transaction, Dispositions, disposition.Id, disposition);
        foreach (var service in configuration.Services.Values) WriteDefinition(connection, transaction, Services, service.Id, service);
        foreach (var agent in configuration.Agents.Values) WriteAgent(connection, transaction, agent);
        foreach (var rule in configuration.AlarmRules.Values) WriteDefinition(connection, transaction, AlarmRules, rule.Id, rule);
        transaction.Commit();
    }

    private void Upsert<T>(string table, string id, T definition)
    {
        using var connection = connections.Open();
        WriteDefinition(connection, null, table, id, definition);
    }

    private void WriteDefinition<T>(System.Data.IDbConnection connection, System.Data.IDbTransaction? transaction, string table, string id, T definition) =>
        connection.Execute($"""
            INSERT INTO {table} (id, definition, updated_at) VALUES (@id, @Definition, @At)
            ON CONFLICT (id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at
            """, new { id, Definition = JsonSerializer.Serialize(definition, AcdJson.Options), At = Stamp() }, transaction);

    private string Stamp() => time.GetUtcNow().ToString("O");
}
