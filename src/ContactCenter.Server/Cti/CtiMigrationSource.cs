using ContactCenter.Cti;
using ContactCenter.Server.Storage;
using ContactCenter.Storage;

namespace ContactCenter.Server.Cti;

/// <summary>The CTI tables (tokens, subscriptions, webhook outbox), applied with every other module's migrations at start.</summary>
public sealed class CtiMigrationSource : IMigrationSource
{
    public IEnumerable<Migration> Migrations => CtiMigrations.All;
}
