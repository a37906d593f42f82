using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage;

/// <summary>
/// Applies numbered migrations at start, each in its own transaction, recording them in <c>schema_migrations</c>.
/// Refuses to run when an applied migration was edited, or when the database holds a version the code doesn't know
/// (a newer build wrote it): both would otherwise corrupt data quietly.
/// </summary>
public sealed class MigrationRunner(IDbConnectionFactory connections, TimeProvider time)
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            module     TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            checksum   TEXT    NOT NULL,
            applied_at TEXT    NOT NULL,
            PRIMARY KEY (module, version)
        );
        """;

    /// <summary>Applies what is missing and returns the migrations applied now, in order.</summary>
    public IReadOnlyList<Migration> Apply(IEnumerable<Migration> migrations)
    {
        var all = migrations.ToList();
        Validate(all);
        using var connection = connections.Open();
        connection.Execute(CreateTable);
        var applied = connection.Query<AppliedMigration>(
                "SELECT module AS Module, version AS Version, name AS Name, checksum AS Checksum, applied_at AS AppliedAt FROM schema_migrations")
            .ToDictionary(m => (m.Module, (int)m.Version));

        foreach (var row in applied.Values)
        {
            var known = all.FirstOrDefault(m => m.Module == row.Module && m.Version == row.Version);
            if (known == null && all.Any(m => m.Module == row.Module))
                throw new MigrationException(
                    $"The database has migration {row.Module} {row.Version:D4} ({row.Name}) that this build does not know: it was written by a newer version.");
            if (known != null && known.Checksum != row.Checksum)
                throw new MigrationException(
                    $"Migration {known} was changed after it was applied (checksum {row.Checksum} in the database, {known.Checksum} in the code). Add a new migration instead of editing an applied one.");
        }

        var done = new List<Migration>();
        foreach (var migration in all.OrderBy(m => m.Module, StringComparer.Ordinal).ThenBy(m => m.Version))
        {
            if (applied.ContainsKey((migration.Module, migration.Version))) continue;
            ApplyOne(connection, migration);
            done.Add(migration);
        }
        return done;
    }

    private void ApplyOne(SqliteConnection connection, Migration migration)
    {
        using var transaction = connection.BeginTransaction();
        try
        {
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (module, version, name, checksum, applied_at) VALUES (@Module, @Version, @Name, @Checksum, @AppliedAt)",
                new { migration.Module, migration.Version, migration.Name, migration.Checksum, AppliedAt = time.GetUtcNow().ToString("O") },
                transaction);
            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            throw new MigrationException($"Migration {migration} failed: {ex.Message}", ex);
        }
    }

    private static void Validate(List<Migration> all)
    {
        foreach (var group in all.GroupBy(m => m.Module))
        {
            if (string.IsNullOrWhiteSpace(group.Key)) throw new MigrationException("A migration has no module name.");
            var duplicate = group.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new MigrationException($"Module {group.Key} has two migrations numbered {duplicate.Key:D4}.");
            if (group.Any(m => m.Version <= 0)) throw new MigrationException($"Module {group.Key} has a migration numbered below 1.");
        }
    }
}
