using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Channel;
using ContactCenter.Cti.Commands;
using ContactCenter.Cti.OpenApi;
using ContactCenter.Cti.Snapshot;
using ContactCenter.Cti.Subscriptions;
using ContactCenter.Cti.Tokens;
using ContactCenter.Cti.Webhooks;
using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Hosting;

/// <summary>Registers the CTI API.</summary>
public static class CtiServiceCollectionExtensions
{
    /// <summary>The Data Protection key ring's folder inside the data directory.</summary>
    public const string KeyRingDirectoryName = "cti-keys";

    /// <summary>
    /// The CTI API and, for the whole server, authentication (bearer tokens, the default scheme), the named policies
    /// of <see cref="CtiPolicies"/>, a fallback policy that requires an authenticated caller on every endpoint not
    /// marked anonymous, the per-token rate limiter, problem details and the OpenAPI document. The server's minimal-API
    /// JSON options are not changed: CTI reads and writes with <see cref="CtiJson.Options"/>.
    /// Settings bind from <c>ContactCenter:Cti</c>; the host must set <see cref="CtiOptions.DataDirectory"/> and apply
    /// <see cref="CtiMigrations.All"/>. Then call <c>app.MapCti()</c>.
    /// </summary>
    public static IServiceCollection AddCti(this IServiceCollection services, Action<CtiOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<CtiOptions>().BindConfiguration(CtiOptions.SectionName).ValidateOnStart();
        if (configure is not null)
            optionsBuilder.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CtiOptions>, CtiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEventBus>(sp => new InProcessEventBus(sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<ApiTokenStore>();
        services.TryAddSingleton<SubscriptionStore>();
        services.TryAddSingleton<WebhookOutboxStore>();
        services.TryAddSingleton<WebhookSecrets>();
        services.TryAddSingleton<ChannelConnections>();
        services.TryAddSingleton<ChannelTickets>();
        services.TryAddSingleton<InitialAdminToken>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<WebhookOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<InitialAdminToken>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("ContactCenter-Webhooks/1"))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });

        services.AddDataProtection().SetApplicationName("ContactCenter");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<CtiOptions>, ILoggerFactory>((keys, cti, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(PrivateDirectory(Path.Combine(cti.Value.DataDirectory, KeyRingDirectoryName)), loggers));

        services.AddAuthentication(BearerTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(BearerTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(authorization =>
        {
            foreach (var (policy, roles) in CtiPolicies.Roles)
            {
                authorization.AddPolicy(policy, builder => builder
                    .AddAuthenticationSchemes(BearerTokenAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .RequireRole(roles));
            }
            // Every endpoint is authenticated unless it says AllowAnonymous (health probes, the API description).
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder(BearerTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .Build();
        });
        services.AddRateLimiter(CtiRateLimiting.Configure);
        services.AddProblemDetails();
        services.AddCtiOpenApi();

        services.AddCtiCommand<Subscribe>();
        services.AddCtiCommand<Unsubscribe>();
        services.AddCtiCommand<CreateChannelTicket>();
        services.AddCtiCommand<GetSubscriptions>();
        services.AddCtiCommand<GetSnapshot>();
        services.AddCtiCommand<GetWebhookDeliveries>();
        services.AddCtiCommand<CreateToken>();
        services.AddCtiCommand<GetTokens>();
        services.AddCtiCommand<RevokeToken>();
        return services;
    }

    private static DirectoryInfo PrivateDirectory(string path)
    {
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(path);
            else
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return new DirectoryInfo(path);
    }
}
