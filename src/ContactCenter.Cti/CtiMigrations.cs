using ContactCenter.Storage;

namespace ContactCenter.Cti;

/// <summary>The CTI module's tables (tokens, subscriptions, webhook outbox and log), applied at start with every other module's.</summary>
public static class CtiMigrations
{
    /// <summary>The module name in <c>schema_migrations</c>.</summary>
    public const string Module = "cti";

    /// <summary>Every migration, from <c>Migrations/NNNN_name.sql</c>.</summary>
    public static IReadOnlyList<Migration> All { get; } = EmbeddedMigrations.FromAssembly(typeof(CtiMigrations).Assembly, Module);
}
