using Microsoft.Data.Sqlite;

namespace ContactCenter.Storage;

/// <summary>
/// Opens connections to the store. Modules take this and write their own SQL (Dapper); there is no generic
/// repository. The PostgreSQL version for scale-out implements the same seam.
/// </summary>
public interface IDbConnectionFactory
{
    /// <summary>An open connection with the store's session settings applied; dispose it when done.</summary>
    SqliteConnection Open();
}
