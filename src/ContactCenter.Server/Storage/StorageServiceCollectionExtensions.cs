using ContactCenter.Server.Configuration;
using ContactCenter.Storage;

namespace ContactCenter.Server.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The database file inside the data directory.</summary>
    public const string DatabaseFileName = "contactcenter.db";

    /// <summary>
    /// The embedded store (<c>&lt;data&gt;/contactcenter.db</c>, SQLite in WAL mode) with every module's migrations applied
    /// when the connection factory is first resolved, so no module can reach a half-migrated database.
    /// </summary>
    public static IServiceCollection AddContactCenterStorage(this IServiceCollection services)
    {
        services.AddSingleton<IDbConnectionFactory>(sp =>
        {
            var paths = sp.GetRequiredService<ContactCenterPaths>();
            var factory = new SqliteConnectionFactory(new StorageOptions { DatabasePath = Path.Combine(paths.DataDirectory, DatabaseFileName) });
            var migrations = sp.GetServices<IMigrationSource>().SelectMany(s => s.Migrations);
            var applied = new MigrationRunner(factory, sp.GetRequiredService<TimeProvider>()).Apply(migrations);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Storage");
            foreach (var migration in applied) logger.LogInformation("Applied migration {Migration}", migration);
            return factory;
        });
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
