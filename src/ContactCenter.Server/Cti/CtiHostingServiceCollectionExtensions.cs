using ContactCenter.Cti;
using ContactCenter.Cti.Hosting;
using ContactCenter.Server.Configuration;
using ContactCenter.Server.Storage;

namespace ContactCenter.Server.Cti;

public static class CtiHostingServiceCollectionExtensions
{
    /// <summary>
    /// The CTI API (<see cref="CtiServiceCollectionExtensions.AddCti"/>: authentication, the cc-* policies, the
    /// authenticated-by-default fallback policy, rate limiting, OpenAPI) with its tables and the server's data directory.
    /// Map it with <c>app.MapCti()</c>.
    /// </summary>
    public static IServiceCollection AddContactCenterCti(this IServiceCollection services)
    {
        services.AddSingleton<IMigrationSource, CtiMigrationSource>();
        services.AddCti();
        services.AddOptions<CtiOptions>().Configure<ContactCenterPaths>((options, paths) => options.DataDirectory = paths.DataDirectory);
        return services;
    }
}
