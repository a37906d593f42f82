using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Server.Storage;
using ContactCenter.Telephony.Cdr;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Server.SipHosting;

public static class SipHostingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SIP stacks (one per profile) with their call engines, the shared location service, the media
    /// engine, the CDR store and the trunks' registrations to their providers. Call after AddSipDirectory and
    /// AddContactCenterStorage.
    /// </summary>
    public static IServiceCollection AddSipStack(this IServiceCollection services)
    {
        services.AddSingleton<IEventBus>(sp => new InProcessEventBus(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LocationService(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1)));
        services.AddSingleton<RegistrationEventBridge>();
        services.AddSingleton<MediaEngineHost>();
        services.AddSingleton<IMigrationSource, CdrMigrationSource>();
        services.AddSingleton(sp =>
        {
            // CDRs are written in batches off the calls' queues; reads wait for what is queued before them.
            var store = new CdrStore(sp.GetRequiredService<ContactCenter.Storage.IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>());
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<CdrStore>();
            store.WriteFailed = ex => logger.LogError(ex, "A call detail record could not be written");
            store.StartBackgroundWriter();
            return store;
        });
        services.AddSingleton<IMigrationSource, RecordingMigrationSource>();
        services.AddSingleton(sp => new ContactCenter.Telephony.Recordings.RecordingStore(sp.GetRequiredService<ContactCenter.Storage.IDbConnectionFactory>()));
        services.AddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        // After the stacks: trunks register once they listen, and unregister before they close.
        services.AddSingleton<TrunkStatusRegistry>();
        services.AddSingleton(new TrunkRegistrationSettings());
        services.AddSingleton<TrunkRegistrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<TrunkRegistrationService>());
        services.AddHealthChecks().AddCheck<TrunkRegistrationHealthCheck>("trunks");
        return services;
    }
}
