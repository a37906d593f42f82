namespace ContactCenter.Storage;

/// <summary>A row of <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(string Module, long Version, string Name, string Checksum, string AppliedAt);
