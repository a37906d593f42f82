using ContactCenter.Server.Configuration;
using ContactCenter.Telephony.Routing;

namespace ContactCenter.Server.SipDirectory;

public static class SipDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SipProfileCatalog"/>, <see cref="ExtensionDirectory"/> and the <see cref="RoutingTable"/> as singletons,
    /// built during host start. Needs <see cref="ConfigurationServiceCollectionExtensions.AddContactCenterOptions"/>.
    /// </summary>
    public static IServiceCollection AddSipDirectory(this IServiceCollection services)
    {
        services.AddSingleton(provider => SipProfileLoader.Load(provider.GetRequiredService<ContactCenterPaths>().ProfilesDirectory));
        services.AddSingleton(provider => ExtensionCredentialProvisioner.Provision(
            provider.GetRequiredService<SipProfileCatalog>(),
            provider.GetRequiredService<ContactCenterPaths>().DataDirectory,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExtensionDirectory))));
        // Trunks, DIDs, services and the dial plan, checked as a whole: a routing error stops the start with its message.
        services.AddSingleton(provider => RoutingTable.Create(provider.GetRequiredService<SipProfileCatalog>().ToRoutingConfiguration()));
        services.AddHostedService<SipDirectoryStartup>();
        return services;
    }
}
