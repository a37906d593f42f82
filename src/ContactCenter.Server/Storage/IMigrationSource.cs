using ContactCenter.Storage;

namespace ContactCenter.Server.Storage;

/// <summary>A module's migrations, registered in DI; every source is applied at start before anything uses the store.</summary>
public interface IMigrationSource
{
    IEnumerable<Migration> Migrations { get; }
}
