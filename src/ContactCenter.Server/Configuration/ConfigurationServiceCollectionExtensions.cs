using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Server.Configuration;

public static class ConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ContactCenterOptions"/> from the <c>ContactCenter</c> section (appsettings,
    /// <c>ContactCenter__…</c> environment variables, <c>--ContactCenter:…=</c> arguments), validates it
    /// at start and registers the resolved <see cref="ContactCenterPaths"/>.
    /// </summary>
    public static IServiceCollection AddContactCenterOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContactCenterOptions>()
            .Bind(configuration.GetSection(ContactCenterOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ContactCenterOptions>, ContactCenterOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => ContactCenterPaths.Create(
            provider.GetRequiredService<IOptions<ContactCenterOptions>>(),
            provider.GetRequiredService<IHostEnvironment>()));
        return services;
    }

    /// <summary>The HTTP listen URLs, read before the host is built because Kestrel needs them then.</summary>
    public static string GetHttpUrls(this IConfiguration configuration) =>
        configuration.GetSection(ContactCenterOptions.SectionName).GetSection("Http").Get<HttpOptions>()?.Urls
        ?? new HttpOptions().Urls;
}
