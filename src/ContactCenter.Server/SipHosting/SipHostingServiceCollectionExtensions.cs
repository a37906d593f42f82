using ContactCenter.Events;
using ContactCenter.Events.InProcess;
using ContactCenter.Sip.Usages.Registrar;

namespace ContactCenter.Server.SipHosting;

public static class SipHostingServiceCollectionExtensions
{
    /// <summary>Registers the SIP stacks (one per profile) and the shared location service. Call after AddSipDirectory.</summary>
    public static IServiceCollection AddSipStack(this IServiceCollection services)
    {
        services.AddSingleton<IEventBus>(sp => new InProcessEventBus(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LocationService(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(1)));
        services.AddSingleton<RegistrationEventBridge>();
        services.AddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        return services;
    }
}
