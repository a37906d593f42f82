using ContactCenter.Acd.Storage;
using ContactCenter.Server.Storage;
using ContactCenter.Storage;

namespace ContactCenter.Server.Acd;

/// <summary>The ACD tables, applied with every other module's migrations at start.</summary>
public sealed class AcdMigrationSource : IMigrationSource
{
    public IEnumerable<Migration> Migrations => AcdConfigurationStore.Migrations;
}
