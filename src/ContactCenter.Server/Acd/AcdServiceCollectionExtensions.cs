using ContactCenter.Acd.Configuration;
using ContactCenter.Acd.Routing;
using ContactCenter.Acd.Storage;
using ContactCenter.Events;
using ContactCenter.Server.Storage;
using ContactCenter.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Server.Acd;

public static class AcdServiceCollectionExtensions
{
    /// <summary>
    /// The ACD: its tables, configuration (the demo on a fresh store unless <c>ContactCenter:Acd:LoadDemoConfiguration</c>
    /// is false), history writer, the engine on its routing loop, and the admin use cases. Voice is delivered through
    /// <see cref="IInteractionDelivery"/>: the call engine registers its implementation; until then offers ring out.
    /// </summary>
    public static IServiceCollection AddAcd(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AcdOptions>(configuration.GetSection(AcdOptions.SectionName));
        services.AddProblemDetails();
        services.AddSingleton<IMigrationSource, AcdMigrationSource>();
        // Voice goes through the call engine (the bridge is also the engine's queue hook, set when the SIP host starts).
        services.TryAddSingleton<AcdVoiceBridge>();
        services.TryAddSingleton<IInteractionDelivery>(sp => sp.GetRequiredService<AcdVoiceBridge>());
        services.AddSingleton(sp => new AcdConfigurationStore(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SqliteHistorySink(sp.GetRequiredService<IDbConnectionFactory>()));
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<AcdConfigurationStore>();
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AcdOptions>>().Value; // bound above
            if (options.LoadDemoConfiguration && store.IsEmpty())
            {
                store.SaveAll(DemoConfiguration.Create());
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Acd")
                    .LogInformation("The ACD had no configuration: loaded the demo (service 'support', agents ana/bruno/carla at 1001–1003)");
            }
            var engine = new AcdEngine(store.Load(), sp.GetRequiredService<IInteractionDelivery>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetService<IEventBus>(),
                history: new CdrDispositionSink(sp.GetRequiredService<SqliteHistorySink>(), sp.GetService<ContactCenter.Telephony.Cdr.CdrStore>()));
            return new AcdRuntime(engine, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IDeliveryReports>(sp => sp.GetRequiredService<AcdRuntime>());
        services.AddSingleton(sp => new AcdAdministration(sp.GetRequiredService<AcdConfigurationStore>(), sp.GetRequiredService<AcdRuntime>()));
        services.AddHostedService<AcdHostedService>();
        return services;
    }
}
