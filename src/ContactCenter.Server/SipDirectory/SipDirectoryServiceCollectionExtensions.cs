using ContactCenter.Server.Configuration;

namespace ContactCenter.Server.SipDirectory;

public static class SipDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SipProfileCatalog"/> and <see cref="ExtensionDirectory"/> as singletons,
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
        services.AddHostedService<SipDirectoryStartup>();
        return services;
    }
}
